package dev.pailot.serving.eas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pailot.core.Pai;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.testkit.PaiMockServer;
import dev.pailot.testkit.PaiStubs;
import dev.pailot.testkit.stubs.EasServiceFixture;
import dev.pailot.testkit.stubs.EasStubs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The control-plane and data-plane waiters. */
@PaiMockServer
class EasWaitTest {
  private static final String PATH = "/api/predict/svc";

  private static EasClient fast(Pai pai) {
    return EasClient.builder(pai)
        .pollDelays(Duration.ofMillis(5), Duration.ofMillis(20))
        .probeTimeout(Duration.ofSeconds(2))
        .build();
  }

  @Test
  void awaitRunningPollsThroughTheTransitions(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeServiceStatuses(
            EasServiceFixture.of("svc", "Running"), "Creating", "Waiting", "Running");

    EasService s = fast(pai).awaitRunning("svc", Duration.ofSeconds(10));

    assertThat(s.status()).isEqualTo(ServiceStatus.RUNNING);
    assertThat(stubs.calls().count("DescribeService")).isEqualTo(3);
  }

  @Test
  void aFailedServiceFailsFastWithEventsAndDiagnosis(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeServiceSequence(
            java.util.List.of(
                EasServiceFixture.of("svc", "Creating"),
                EasServiceFixture.of("svc", "Failed")
                    .withMessage("Instance <svc-0> not healthy: Instance crashed")));
    stubs
        .eas()
        .describeServiceEvents(
            "svc", new EasStubs.Event("2026-01-01 10:01:00", "Warning", "Failed", "crashed"));
    stubs.eas().describeServiceDiagnosis("svc", "Container crashed", "OOM", "Use more memory");

    assertThatThrownBy(() -> fast(pai).awaitRunning("svc", Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(
            ServiceFailedException.class,
            e -> {
              assertThat(e.service().status()).isEqualTo(ServiceStatus.FAILED);
              assertThat(e.events()).extracting(ServiceEvent::reason).containsExactly("Failed");
              assertThat(e.diagnosis())
                  .singleElement()
                  .extracting(ServiceDiagnosis::error)
                  .isEqualTo("Container crashed");
              assertThat(e.getMessage())
                  .contains("Instance crashed")
                  .contains("Use more memory")
                  .doesNotContain("token-svc");
            });
  }

  @Test
  void awaitRunningTimesOut(Pai pai, PaiStubs stubs) {
    stubs.eas().describeService(EasServiceFixture.of("svc", "Waiting"));

    assertThatThrownBy(() -> fast(pai).awaitRunning("svc", Duration.ofMillis(200)))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("Waiting");
  }

  @Test
  void awaitServingWaitsForNoHealthyUpstreamToClearAndSendsTheToken(
      Pai pai, PaiStubs stubs, WireMockServer server) {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/v1/models"))
            .inScenario("up")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("one")
            .willReturn(aResponse().withStatus(503).withBody("no healthy upstream")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/v1/models"))
            .inScenario("up")
            .whenScenarioStateIs("one")
            .willSetStateTo("two")
            .willReturn(aResponse().withStatus(503).withBody("no healthy upstream")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/v1/models"))
            .inScenario("up")
            .whenScenarioStateIs("two")
            .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
    EasService s = service(server);

    fast(pai).awaitServing(s, Duration.ofSeconds(10));

    server.verify(
        3,
        getRequestedFor(urlPathEqualTo(PATH + "/v1/models"))
            .withHeader("Authorization", equalTo("token-svc")));
  }

  @Test
  void awaitServingFallsBackToHealthWhereModelsIsMissing(
      Pai pai, PaiStubs stubs, WireMockServer server) {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/v1/models")).willReturn(aResponse().withStatus(404)));
    server.stubFor(get(urlPathEqualTo(PATH + "/health")).willReturn(aResponse().withStatus(200)));

    fast(pai).awaitServing(service(server), Duration.ofSeconds(10));

    server.verify(1, getRequestedFor(urlPathEqualTo(PATH + "/health")));
  }

  @Test
  void aRefusedTokenFailsAtOnce(Pai pai, PaiStubs stubs, WireMockServer server) {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/v1/models")).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> fast(pai).awaitServing(service(server), Duration.ofSeconds(10)))
        .isInstanceOf(AuthenticationException.class);
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH + "/v1/models")));
  }

  private static EasService service(WireMockServer server) {
    return EasService.builder()
        .name("svc")
        .status(ServiceStatus.RUNNING)
        .currentVersion(1)
        .runningInstance(1)
        .totalInstance(1)
        .internetEndpoint(server.baseUrl() + PATH)
        .accessToken("token-svc")
        .build();
  }
}
