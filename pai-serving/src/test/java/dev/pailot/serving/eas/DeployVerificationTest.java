package dev.pailot.serving.eas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pailot.core.Pai;
import dev.pailot.testkit.PaiMockServer;
import dev.pailot.testkit.PaiStubs;
import dev.pailot.testkit.stubs.EasServiceFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deploy} notices when EAS runs something other than what was deployed. */
@PaiMockServer
class DeployVerificationTest {
  private static final DeployOptions OPTIONS =
      DeployOptions.builder()
          .runningTimeout(Duration.ofSeconds(10))
          .servingTimeout(Duration.ofSeconds(10))
          .build();

  private static EasClient fast(Pai pai) {
    return EasClient.builder(pai).pollDelays(Duration.ofMillis(5), Duration.ofMillis(20)).build();
  }

  private static EasServiceFixture svc(WireMockServer server, ServiceSpec spec) {
    return EasServiceFixture.of("svc", "Running")
        .withEndpoint(server.baseUrl() + "/api/predict/svc")
        .withConfig(spec.image().orElseThrow(), spec.toJson());
  }

  @Test
  void aSilentRollbackToTheOldVersionFailsLoudly(Pai pai, PaiStubs stubs, WireMockServer server) {
    ServiceSpec v1 = Specs.vllm("svc");
    ServiceSpec v2 = v1.toBuilder().metadata(v1.metadata().toBuilder().instance(2).build()).build();
    EasServiceFixture running = svc(server, v1);
    stubs.eas().write("UpdateService", "svc");
    stubs
        .eas()
        .describeServiceSequence(
            List.of(
                running, // found: version 1 runs
                running.withStatus("Updating").withVersions(1, 2),
                running.withVersions(1, 2))); // Running, but on version 1 again

    assertThatThrownBy(() -> fast(pai).deploy(v2, OPTIONS))
        .isInstanceOfSatisfying(
            DeploymentMismatchException.class,
            e -> assertThat(e.differences()).containsExactly("version: expected 2, live 1"))
        .hasMessageContaining("silent rollback");
    stubs.calls().single("UpdateService").assertQueryParam("UpdateType", "replace");
  }

  @Test
  void aServiceStillRunningTheOldVersionBeforeTheRolloutStartsIsWaitedFor(
      Pai pai, PaiStubs stubs, WireMockServer server) {
    ServiceSpec v1 = Specs.vllm("svc");
    ServiceSpec v2 = v1.toBuilder().metadata(v1.metadata().toBuilder().instance(2).build()).build();
    EasServiceFixture old = svc(server, v1);
    EasServiceFixture next = svc(server, v2).withVersions(2, 2);
    stubs.eas().write("UpdateService", "svc");
    server.stubFor(
        get(urlPathEqualTo("/api/predict/svc/v1/models")).willReturn(aResponse().withStatus(200)));
    // EAS may still say Running (old version) for a while after accepting the update.
    EasServiceFixture lagging = old.withVersions(1, 2);
    stubs
        .eas()
        .describeServiceSequence(
            List.of(
                old,
                lagging,
                lagging,
                lagging,
                lagging,
                lagging,
                next.withStatus("Updating").withVersions(1, 2),
                next));

    Deployment d = fast(pai).deploy(v2, OPTIONS);

    assertThat(d.action()).isEqualTo(Deployment.Action.UPDATED);
    assertThat(d.version()).isEqualTo(2);
    assertThat(d.previousVersion()).hasValue(1);
  }

  @Test
  void otherWeightsThanDeployedFailLoudly(Pai pai, PaiStubs stubs, WireMockServer server) {
    ServiceSpec wanted = Specs.vllm("svc");
    ServiceSpec other =
        wanted.toBuilder()
            .storage(
                List.of(dev.pailot.serving.eas.StorageMount.oss("oss://models/old/", "/mnt/model")))
            .build();
    stubs.eas().serviceNotFound("svc");
    stubs.eas().createService("svc");
    server.stubFor(
        get(urlPathEqualTo("/api/predict/svc/v1/models")).willReturn(aResponse().withStatus(200)));
    EasClient eas = fast(pai);
    stubs.eas().describeServiceSequence(List.of(svc(server, other)));
    // The first DescribeService must say not-found, later ones the service: register the
    // not-found answer as a one-shot fault in front of the sequence.
    stubs
        .faults()
        .fail(
            "DescribeService",
            dev.pailot.testkit.stubs.ErrorResponse.of(404, "InvalidService.NotFound", "none"),
            1);

    assertThatThrownBy(() -> eas.deploy(wanted, OPTIONS))
        .isInstanceOfSatisfying(
            DeploymentMismatchException.class,
            e ->
                assertThat(e.differences())
                    .singleElement()
                    .asString()
                    .startsWith("weights: expected [oss://models/qwen2.5-0.5b-instruct/]"));
    assertThat(stubs.calls().count("CreateService")).isEqualTo(1);
  }
}
