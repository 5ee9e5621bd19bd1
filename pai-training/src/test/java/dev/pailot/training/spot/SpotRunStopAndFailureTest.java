package dev.pailot.training.spot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.pailot.training.spot.SpotStubs.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A user's stop, an outside stop, and a failure that is not a preemption: none is resubmitted. */
class SpotRunStopAndFailureTest {
  @RegisterExtension static WireMockExtension wm = SpotStubs.server();

  @TempDir Path ckpt;
  private final List<SpotRunEvent> events = new CopyOnWriteArrayList<>();
  private Pai pai;
  private SpotTraining training;

  @BeforeEach
  void setUp() {
    pai = SpotStubs.pai(wm, new CopyOnWriteArrayList<>());
    training = SpotTraining.create(pai);
    SpotStubs.creates(wm, 2);
    SpotStubs.sideCalls(
        wm,
        List.of(
            "step 29/100 loss=0.52",
            "Traceback (most recent call last):",
            "RuntimeError: CUDA error: an illegal memory access was encountered"),
        List.of("2026-01-12T10:30:00Z PodFailed: Pod dlc-a1-worker-0 exited with code 1."));
  }

  @AfterEach
  void tearDown() {
    training.close();
    pai.close();
  }

  private SpotRun run() {
    return training
        .spotRun(SpotStubs.spec())
        .resumeOnPreemption()
        .pollInterval(Duration.ofMillis(5))
        .checkpointStore(LocalCheckpointStore.of(ckpt))
        .listener(events::add)
        .build();
  }

  @Test
  void aUserStopStopsTheJobAndEndsTheRun() throws Exception {
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"));
    wm.stubFor(
        post(urlPathEqualTo(JOBS + "/dlc-a1/stop"))
            .inScenario("dlc-a1")
            .willReturn(okJson("{\"RequestId\":\"req-stop\",\"JobId\":\"dlc-a1\"}"))
            .willSetStateTo("stopping"));
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc-a1"))
            .inScenario("dlc-a1")
            .whenScenarioStateIs("stopping")
            .willReturn(okJson(FakeJob.stopped("dlc-a1"))));
    SpotRun run = run();

    CompletableFuture<SpotRunReport> done = run.start();
    awaitEvent(SpotRunEventType.ATTEMPT_RUNNING);
    run.stop();
    SpotRunReport report = done.get(30, TimeUnit.SECONDS);

    assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED);
    assertThat(report.attempts())
        .singleElement()
        .satisfies(a -> assertThat(a.ending()).isEqualTo(AttemptEnding.STOPPED_BY_USER));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    wm.verify(
        postRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/stop"))
            .withHeader("x-acs-action", equalTo("StopJob")));
    assertThat(events)
        .extracting(SpotRunEvent::type)
        .containsSubsequence(SpotRunEventType.STOP_REQUESTED, SpotRunEventType.FINISHED);
    assertThat(run.isDone()).isTrue();
  }

  @Test
  void closingTheClientAbandonsARunningRunAndLeavesItsJobAlone() throws Exception {
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"));
    CompletableFuture<SpotRunReport> done = run().start();
    awaitEvent(SpotRunEventType.ATTEMPT_RUNNING);

    training.close();
    SpotRunReport report = done.get(30, TimeUnit.SECONDS);

    assertThat(report.outcome()).isEqualTo(RunOutcome.ERROR);
    assertThat(report.message()).contains("closed", "dlc-a1");
    assertThat(report.attempts())
        .singleElement()
        .satisfies(a -> assertThat(a.ending()).isEqualTo(AttemptEnding.UNKNOWN));
    wm.verify(0, postRequestedFor(urlPathMatching(".*/stop")));
  }

  @Test
  void aStopBeforeTheFirstAttemptSubmitsNothing() {
    SpotRun run = run();
    run.stop();

    SpotRunReport report = run.await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED);
    assertThat(report.attempts()).isEmpty();
    wm.verify(0, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void aJobStoppedOutsideTheRunIsNotResubmitted() {
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.stopped("dlc-a1"));

    SpotRunReport report = run().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.STOPPED);
    assertThat(report.attempts().get(0).ending()).isEqualTo(AttemptEnding.STOPPED_EXTERNALLY);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    wm.verify(0, postRequestedFor(urlPathMatching(".*/stop")));
  }

  @Test
  void aFailureThatIsNotAPreemptionIsSurfacedWithLogsAndEventsAndNotRetried() {
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.failed("dlc-a1"));

    SpotRunReport report = run().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    AttemptFailure failure = report.failure().orElseThrow();
    assertThat(failure.jobId()).isEqualTo("dlc-a1");
    assertThat(failure.reasonCode()).hasValue("JobFailed");
    assertThat(failure.podId()).hasValue("dlc-a1-worker-0");
    assertThat(failure.logTail()).last().asString().contains("illegal memory access");
    assertThat(failure.events()).singleElement().asString().contains("exited with code 1");
    assertThat(report.message()).contains("dlc-a1", "not retried");
    assertThat(events).extracting(SpotRunEvent::type).contains(SpotRunEventType.ATTEMPT_FAILED);
    assertThatThrownBy(report::requireSucceeded)
        .isInstanceOf(SpotRunFailedException.class)
        .hasMessageContaining("sft")
        .hasMessageContaining("dlc-a1")
        .hasMessageContaining("illegal memory access");
  }

  private void awaitEvent(SpotRunEventType type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (events.stream().noneMatch(e -> e.type() == type)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never saw " + type + " in " + events);
      }
      Thread.sleep(2);
    }
  }
}
