package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.LocalPaiEasServiceTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ThrottlingException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EAS faults: dying replicas, failing rollouts, gateway errors and latency, API throttling. */
class LocalPaiEasFaultsTest {
  private static final TestBackends BACKENDS = new TestBackends();
  private static LocalPai localPai;
  private static Pai pai;
  private static EasCalls eas;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions(), List.of(BACKENDS));
    pai = Calls.client(localPai);
    eas = new EasCalls(pai, localPai.region());
    localPai.faults().throttlingTimeLeft(Duration.ofMillis(5));
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  @AfterEach
  void clear() {
    localPai.faults().reset();
  }

  private static URI endpoint(String name) {
    return URI.create(localPai.endpoint() + "/api/predict/" + name);
  }

  private static String running(String name, String image) {
    eas.create(EasCalls.spec(name, 1, image));
    eas.awaitStatus(name, "Running");
    return eas.describe(name).get("AccessToken").asText();
  }

  @Test
  void killedReplicaRestartsAndCountsTheRestart() {
    String token = running("ft_kill", TestBackends.image(1_000));
    String killed = localPai.faults().easKillReplica("ft_kill");
    assertThat(EasCalls.get(endpoint("ft_kill"), token).statusCode()).isEqualTo(503);

    JsonNode instance =
        eas.get("ListServiceInstances", "ft_kill", "/instances", Map.of()).at("/Instances/0");
    assertThat(instance.get("InstanceName").asText()).isEqualTo(killed);
    assertThat(instance.get("RestartCount").asInt()).isEqualTo(1);
    assertThat(instance.at("/LastState/0/Reason").asText()).isEqualTo("Error");
    EasCalls.await(() -> EasCalls.get(endpoint("ft_kill"), token).statusCode() == 200, "restart");
    assertThat(BACKENDS.closed.get()).isPositive();
    assertThat(eas.status("ft_kill")).isEqualTo("Running");
    assertThatThrownBy(() -> localPai.faults().easKillReplica("ft_nobody"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failedRolloutTurnsTheServiceFailedAndTheOldVersionKeepsServing() {
    String token = running("ft_rollout", TestBackends.image(0));
    localPai.faults().easFailNextDeployment("ft_rollout");
    ObjectNode patch = EasCalls.JSON.createObjectNode();
    patch.putObject("metadata").putObject("rpc").put("keepalive", 1000);
    eas.update("ft_rollout", "merge", patch);

    eas.awaitStatus("ft_rollout", "Failed");
    JsonNode s = eas.describe("ft_rollout");
    assertThat(s.get("Message").asText()).contains("not healthy");
    assertThat(parse(EasCalls.get(endpoint("ft_rollout"), token).body()).get("version").asInt())
        .isEqualTo(1);
    JsonNode warnings =
        eas.get("DescribeServiceEvent", "ft_rollout", "/events", Map.of("EventType", "Warning"));
    assertThat(warnings.at("/Events/0/Reason").asText()).isEqualTo("Failed");
    assertThat(
            eas.get(
                    "ListServiceInstances",
                    "ft_rollout",
                    "/instances",
                    Map.of("InstanceStatus", "CrashLoopBackOff"))
                .get("TotalCount")
                .asInt())
        .isEqualTo(1);
    JsonNode diagnosis = eas.get("DescribeServiceDiagnosis", "ft_rollout", "/diagnosis", Map.of());
    assertThat(diagnosis.at("/DiagnosisList/0/Error").asText()).contains("not healthy");
    assertThat(diagnosis.at("/DiagnosisList/0/Advices/0").asText()).contains("roll back");

    eas.put(
        "UpdateServiceVersion",
        "ft_rollout",
        "/version",
        EasCalls.JSON.createObjectNode().put("Version", 1));
    eas.awaitStatus("ft_rollout", "Running");
    assertThat(
            eas.get("DescribeServiceDiagnosis", "ft_rollout", "/diagnosis", Map.of())
                .get("DiagnosisList"))
        .isEmpty();
  }

  @Test
  void serviceWideErrorsAndLatencyApplyAtTheGateway() {
    String token = running("ft_errors", TestBackends.image(0));
    localPai.faults().easErrors("ft_errors", 1.0).easLatency("ft_errors", Duration.ofMillis(20));
    assertThat(EasCalls.get(endpoint("ft_errors"), token).statusCode()).isEqualTo(500);
    localPai.faults().easErrors("ft_errors", 0.0);
    var delayed = EasCalls.gateway(endpoint("ft_errors/x"), "POST", token, "{}");
    assertThat(delayed.statusCode()).isEqualTo(200);
    assertThat(parse(delayed.body()).get("path").asText()).isEqualTo("/x");
  }

  @Test
  void easApiThrottlingUsesTheProductFaults() {
    localPai.faults().failNext(Product.EAS, "DescribeService", LocalPaiFaults.Fault.THROTTLING, 1);
    try (Pai noRetry = localPai.clientBuilder().retry(RetrySettings.none()).build()) {
      assertThatThrownBy(() -> new EasCalls(noRetry, localPai.region()).describe("ft_any"))
          .isInstanceOf(ThrottlingException.class);
    }
  }
}
