package dev.pailot.training.spot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pailot.training.spot.SpotStubs.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CreateJob sent once: an ambiguous failure is resolved by display name; a vanished job. */
class SpotRunSubmitTest {
  @RegisterExtension static WireMockExtension wm = SpotStubs.server();

  @TempDir Path ckpt;
  private Pai pai;
  private SpotTraining training;

  @BeforeEach
  void setUp() {
    pai = SpotStubs.pai(wm, new CopyOnWriteArrayList<>());
    training = SpotTraining.create(pai);
    SpotStubs.sideCalls(wm, List.of(), List.of());
  }

  @AfterEach
  void tearDown() {
    training.close();
    pai.close();
  }

  private SpotRunReport run() {
    return training
        .spotRun(SpotStubs.spec())
        .resumeOnPreemption()
        .pollInterval(Duration.ofMillis(5))
        .checkpointStore(LocalCheckpointStore.of(ckpt))
        .build()
        .await();
  }

  private static ResponseDefinitionBuilder unavailable() {
    return aResponse()
        .withStatus(503)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"RequestId\":\"req-503\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}");
  }

  private static void list(String jobsJson) {
    wm.stubFor(
        get(urlPathEqualTo(JOBS))
            .willReturn(
                okJson(
                    "{\"RequestId\":\"req-list\",\"TotalCount\":1,\"Jobs\":[" + jobsJson + "]}")));
  }

  @Test
  void anAmbiguousCreateIsResolvedByTheAttemptsDisplayName() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(unavailable()));
    list("{\"JobId\":\"dlc-a1\",\"DisplayName\":\"sft-a1\",\"Status\":\"Queuing\"}");
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.succeeded("dlc-a1"));

    SpotRunReport report = run();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.attempts())
        .singleElement()
        .extracting(AttemptReport::jobId)
        .isEqualTo("dlc-a1");
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS))); // never sent twice
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS))
            .withHeader("x-acs-action", equalTo("ListJobs"))
            .withQueryParam("DisplayName", equalTo("sft-a1")));
  }

  @Test
  void withoutAJobOfThatNameTheRunEndsWithoutSubmittingAgain() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(unavailable()));
    list("{\"JobId\":\"dlc-other\",\"DisplayName\":\"sft-a10\",\"Status\":\"Running\"}");

    SpotRunReport report = run();

    assertThat(report.outcome()).isEqualTo(RunOutcome.ERROR);
    assertThat(report.message()).contains("sft-a1", "check DLC");
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void aJobThatVanishesEndsTheRunAndIsAskedToStop() {
    SpotStubs.creates(wm, 2);
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc-a1"))
            .inScenario("gone")
            .willReturn(okJson(FakeJob.running("dlc-a1")))
            .willSetStateTo("deleted"));
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc-a1"))
            .inScenario("gone")
            .whenScenarioStateIs("deleted")
            .willReturn(
                notFound()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"RequestId\":\"req-404\",\"Code\":\"JobNotFound\",\"Message\":\"no\"}")));

    SpotRunReport report = run();

    assertThat(report.outcome()).isEqualTo(RunOutcome.ERROR);
    assertThat(report.message()).contains("dlc-a1", "stop");
    assertThat(report.attempts())
        .extracting(AttemptReport::ending)
        .containsExactly(AttemptEnding.UNKNOWN);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/stop")));
  }
}
