package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkClient;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.NetworkState;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LocalPai restarted on the same state directory keeps what was created before. */
class LocalPaiPersistenceTest {
  @TempDir Path stateDir;

  private static final NetworkSpec NETWORK =
      NetworkSpec.builder()
          .name("persist-net")
          .cidrBlock("10.9.0.0/16")
          .addVSwitches(VSwitchSpec.of("cn-shanghai-b", "10.9.1.0/24", "persist-b"))
          .securityGroup(
              SecurityGroupSpec.builder()
                  .name("persist-sg")
                  .addIngressRules(IngressRule.tcp(8080, "10.9.1.0/24"))
                  .build())
          .build();

  private LocalPai start() {
    return LocalPai.start(
        LocalPaiOptions.builder()
            .timeScale(Duration.ofMillis(10))
            .stateDirectory(stateDir)
            .build());
  }

  private static NetworkClient network(Pai pai) {
    return NetworkClient.builder(pai)
        .pollDelays(Duration.ofMillis(5), Duration.ofMillis(50))
        .build();
  }

  private static WorkspaceClient workspaces(Pai pai) {
    return WorkspaceClient.builder(pai)
        .pollDelays(Duration.ofMillis(5), Duration.ofMillis(50))
        .build();
  }

  @Test
  void resourcesSurviveARestart() {
    NetworkState before;
    WorkspaceState wsBefore;
    try (LocalPai first = start();
        Pai pai = first.newClient()) {
      before = network(pai).apply(NETWORK);
      wsBefore = workspaces(pai).ensure(WorkspaceSpec.builder().name("persist_ws").build());
    }
    assertThat(stateDir.resolve("network.json")).exists();
    assertThat(stateDir.resolve("aiworkspace.json")).exists();

    try (LocalPai second = start();
        Pai pai = second.newClient()) {
      assertThat(network(pai).plan(NETWORK).hasChanges()).isFalse();
      NetworkState after = network(pai).apply(NETWORK);
      assertThat(after.created()).isZero();
      assertThat(after.vpcId()).isEqualTo(before.vpcId());
      assertThat(after.securityGroupId()).isEqualTo(before.securityGroupId());

      WorkspaceState wsAfter =
          workspaces(pai).ensure(WorkspaceSpec.builder().name("persist_ws").build());
      assertThat(wsAfter.workspaceCreated()).isFalse();
      assertThat(wsAfter.workspace().id()).isEqualTo(wsBefore.workspace().id());

      WorkspaceState another =
          workspaces(pai).ensure(WorkspaceSpec.builder().name("other_ws").build());
      assertThat(another.workspace().id()).isNotEqualTo(wsBefore.workspace().id());
      assertThat(second.requests().all()).noneMatch(r -> r.action().equals("CreateVpc"));
    }
  }

  @Test
  void aDlcJobSurvivesARestartAndFinishesWithItsCheckpoints() {
    String jobId;
    try (LocalPai first = start();
        Pai pai = first.newClient()) {
      jobId = DlcCalls.create(pai, DlcCalls.jobBody("persist-job", 1));
      DlcCalls.awaitStatus(pai, jobId, "Running");
    }
    try (LocalPai second = start();
        Pai pai = second.newClient()) {
      assertThat(DlcCalls.get(pai, jobId).path("DisplayName").asText()).isEqualTo("persist-job");
      assertThat(DlcCalls.awaitEnd(pai, jobId).path("Status").asText()).isEqualTo("Succeeded");
    }
  }

  @Test
  void anEasServiceSurvivesARestartAndServesAgain() {
    String token;
    try (LocalPai first = start();
        Pai pai = first.newClient()) {
      EasCalls eas = new EasCalls(pai, first.region());
      eas.create(EasCalls.spec("persist_svc", 1, "registry.cn-shanghai.aliyuncs.com/app/echo:1.0"));
      eas.awaitStatus("persist_svc", "Running");
      token = eas.describe("persist_svc").path("AccessToken").asText();
    }
    try (LocalPai second = start();
        Pai pai = second.newClient()) {
      EasCalls eas = new EasCalls(pai, second.region());
      eas.awaitStatus("persist_svc", "Running");
      var service = eas.describe("persist_svc");
      assertThat(service.path("AccessToken").asText()).isEqualTo(token);
      String endpoint = service.path("InternetEndpoint").asText();
      EasCalls.await(
          () -> EasCalls.get(java.net.URI.create(endpoint), token).statusCode() == 200,
          "the restored service to answer through the gateway");
    }
  }

  @Test
  void anEmptyDirectoryStartsEmpty() throws Exception {
    try (LocalPai localPai = start();
        Pai pai = localPai.newClient()) {
      assertThat(workspaces(pai).list()).isEmpty();
    }
    try (var files = Files.list(stateDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("network.json");
    }
  }
}
