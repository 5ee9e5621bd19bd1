package dev.pailot.training.spot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pailot.training.spot.SpotStubs.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Budget, gang-start guard, fallback to on-demand, attempt limit and deadline, via WireMock. */
class SpotRunLimitsTest {
  @RegisterExtension static WireMockExtension wm = SpotStubs.server();

  @TempDir Path ckpt;
  private final List<SpotRunEvent> events = new CopyOnWriteArrayList<>();
  private Pai pai;
  private SpotTraining training;

  @BeforeEach
  void setUp() {
    pai = SpotStubs.pai(wm, new CopyOnWriteArrayList<>());
    training = SpotTraining.create(pai);
    SpotStubs.sideCalls(wm, List.of("step 12/100 loss=1.1"), List.of());
  }

  @AfterEach
  void tearDown() {
    training.close();
    pai.close();
  }

  private SpotRun.Builder run() {
    return training
        .spotRun(SpotStubs.spec())
        .resumeOnPreemption()
        .pollInterval(Duration.ofMillis(5))
        .checkpointStore(LocalCheckpointStore.of(ckpt))
        .listener(events::add);
  }

  /** Two running spot pods billed by DLC's Duration only. */
  private static String runningFor(String id, long seconds) {
    return FakeJob.of(id).pods("Running", "Running").noTimes().duration(seconds).json();
  }

  private List<SpotRunEventType> types() {
    return events.stream().map(SpotRunEvent::type).toList();
  }

  @Test
  void aRunningAttemptIsStoppedBeforeItsSpendWouldCrossTheBudget() {
    SpotStubs.creates(wm, 2);
    // Two spot pods at 0.84 an hour: 0.28 per 600 s. The cap of 1.00 would be crossed after 0.84.
    SpotStubs.lifecycle(
        wm,
        "dlc-a1",
        runningFor("dlc-a1", 600),
        runningFor("dlc-a1", 1200),
        runningFor("dlc-a1", 1800),
        runningFor("dlc-a1", 2400));
    SpotStubs.stopLeadsTo(
        wm,
        "dlc-a1",
        FakeJob.of("dlc-a1")
            .status("Stopped")
            .pods("Failed", "Failed")
            .noTimes()
            .duration(1800)
            .finished()
            .json());

    SpotRunReport report = run().budget(new BigDecimal("1.00")).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.BUDGET);
    assertThat(report.attempts().get(0).ending()).isEqualTo(AttemptEnding.BUDGET_STOP);
    assertThat(report.cost()).hasValue(new BigDecimal("0.84"));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/stop")));
    assertThat(types())
        .containsSubsequence(SpotRunEventType.BUDGET_STOP, SpotRunEventType.FINISHED);
  }

  @Test
  void noAttemptIsSubmittedThatTheRemainingBudgetCannotPayFor() {
    // Ten minutes of two spot pods cost 0.28; 0.10 cannot pay for them.
    SpotRunReport report = run().budget(new BigDecimal("0.10")).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.BUDGET);
    assertThat(report.attempts()).isEmpty();
    assertThat(report.message()).contains("0.10", "0.28");
    wm.verify(0, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void anAttemptWhosePodsDoNotAllStartIsStoppedAndResubmitted() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(
        wm,
        "dlc-a1",
        FakeJob.of("dlc-a1").status("EnvPreparing").pods("Running", "Pending").json());
    SpotStubs.stopLeadsTo(wm, "dlc-a1", FakeJob.stopped("dlc-a1"));
    SpotStubs.lifecycle(wm, "dlc-a2", FakeJob.running("dlc-a2"), FakeJob.succeeded("dlc-a2"));

    SpotRunReport report = run().gangStartTimeout(Duration.ofMillis(50)).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    AttemptReport first = report.attempts().get(0);
    assertThat(first.ending()).isEqualTo(AttemptEnding.GANG_TIMEOUT);
    assertThat(first.detail())
        .get()
        .asString()
        .contains("1 of 2 pods", "dlc-a1-worker-1 (Pending)");
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/stop")));
    wm.verify(2, postRequestedFor(urlPathEqualTo(JOBS)));
    assertThat(types())
        .containsSubsequence(
            SpotRunEventType.GANG_TIMEOUT, SpotRunEventType.RESUBMITTED, SpotRunEventType.FINISHED);
  }

  @Test
  void aGangTimeoutEndsTheRunWhenResubmittingIsOff() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(
        wm,
        "dlc-a1",
        FakeJob.of("dlc-a1").status("EnvPreparing").pods("Running", "Pending").json());
    SpotStubs.stopLeadsTo(wm, "dlc-a1", FakeJob.stopped("dlc-a1"));

    SpotRunReport report =
        run().gangStartTimeout(Duration.ofMillis(50)).resubmitOnGangTimeout(false).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.GANG_TIMEOUT);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void afterNPreemptionsLaterAttemptsRunOnDemand() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.preempted("dlc-a1"));
    SpotStubs.lifecycle(wm, "dlc-a2", FakeJob.running("dlc-a2"), FakeJob.succeeded("dlc-a2"));

    SpotRunReport report = run().fallbackToOnDemandAfter(1).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.attempts()).extracting(AttemptReport::spot).containsExactly(true, false);
    List<JsonNode> bodies = SpotStubs.createBodies(wm);
    assertThat(bodies.get(0).get("JobSpecs").get(0).has("SpotSpec")).isTrue();
    assertThat(bodies.get(1).get("JobSpecs").get(0).has("SpotSpec")).isFalse();
    // The on-demand hour costs what the same hour on demand costs: nothing saved on it.
    AttemptReport second = report.attempts().get(1);
    assertThat(second.cost()).isEqualTo(second.onDemandCost()).hasValue(new BigDecimal("5.60"));
    assertThat(types())
        .containsSubsequence(
            SpotRunEventType.PREEMPTED,
            SpotRunEventType.FELL_BACK_TO_ON_DEMAND,
            SpotRunEventType.ATTEMPT_SUBMITTED);
  }

  @Test
  void withTheDeadlineNearEvenTheFirstAttemptRunsOnDemand() {
    SpotStubs.creates(wm, 1);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.succeeded("dlc-a1"));

    SpotRunReport report =
        run()
            .deadline(Duration.ofHours(1))
            .fallbackToOnDemandWithin(Duration.ofHours(2))
            .build()
            .await();

    assertThat(report.attempts()).singleElement().satisfies(a -> assertThat(a.spot()).isFalse());
    assertThat(SpotStubs.createBodies(wm).get(0).get("JobSpecs").get(0).has("SpotSpec")).isFalse();
    assertThat(types()).startsWith(SpotRunEventType.FELL_BACK_TO_ON_DEMAND);
  }

  @Test
  void theRunEndsAfterMaxAttempts() {
    SpotStubs.creates(wm, 3);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.preempted("dlc-a1"));
    SpotStubs.lifecycle(wm, "dlc-a2", FakeJob.preempted("dlc-a2"));

    SpotRunReport report = run().maxAttempts(2).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.MAX_ATTEMPTS);
    assertThat(report.preemptions()).isEqualTo(2);
    wm.verify(2, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void withoutResumeOnPreemptionAPreemptionEndsTheRun() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.preempted("dlc-a1"));

    SpotRunReport report =
        training
            .spotRun(SpotStubs.spec())
            .pollInterval(Duration.ofMillis(5))
            .checkpointStore(LocalCheckpointStore.of(ckpt))
            .build()
            .await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.PREEMPTED);
    assertThat(report.message()).contains("resumeOnPreemption()");
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void atTheDeadlineTheRunningAttemptIsStopped() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"));
    SpotStubs.stopLeadsTo(wm, "dlc-a1", FakeJob.stopped("dlc-a1"));

    SpotRunReport report = run().deadline(Duration.ofMillis(100)).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.DEADLINE);
    assertThat(report.attempts().get(0).ending()).isEqualTo(AttemptEnding.DEADLINE_STOP);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/stop")));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
  }
}
