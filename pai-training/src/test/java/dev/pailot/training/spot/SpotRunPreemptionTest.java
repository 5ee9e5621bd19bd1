package dev.pailot.training.spot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.pailot.training.spot.SpotStubs.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.event.ProgressEvent;
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

/** Spot runs with 0, 1 and 3 preemptions against WireMock, and the shape of every request. */
class SpotRunPreemptionTest {
  @RegisterExtension static WireMockExtension wm = SpotStubs.server();

  @TempDir Path ckpt;
  private final List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
  private final List<SpotRunEvent> events = new CopyOnWriteArrayList<>();
  private Pai pai;
  private SpotTraining training;

  @BeforeEach
  void setUp() {
    pai = SpotStubs.pai(wm, progress);
    training = SpotTraining.create(pai);
    SpotStubs.sideCalls(
        wm,
        List.of("step 33/100 loss=0.41", "step 34/100 loss=0.40", "Received SIGTERM"),
        List.of("2026-01-12T10:30:00Z Evicted: Pod was evicted: its spot instance was reclaimed."));
  }

  @AfterEach
  void tearDown() {
    training.close();
    pai.close();
  }

  /** The run of these tests; attempt {@code n} completes checkpoint {@code 10 n} once running. */
  private SpotRun run() {
    return training
        .spotRun(SpotStubs.spec())
        .resumeOnPreemption()
        .maxAttempts(5)
        .pollInterval(Duration.ofMillis(5))
        .checkpointStore(LocalCheckpointStore.of(ckpt))
        .listener(
            e -> {
              events.add(e);
              if (e.type() == SpotRunEventType.ATTEMPT_RUNNING) {
                SpotStubs.checkpoint(ckpt, 10L * e.attempt(), true);
              }
            })
        .build();
  }

  @Test
  void withoutPreemptionOneAttemptFinishes() {
    SpotStubs.creates(wm, 1);
    SpotStubs.lifecycle(
        wm,
        "dlc-a1",
        FakeJob.queuing("dlc-a1"),
        FakeJob.running("dlc-a1"),
        FakeJob.succeeded("dlc-a1"));

    SpotRunReport report = run().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.attempts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.jobId()).isEqualTo("dlc-a1");
              assertThat(a.ending()).isEqualTo(AttemptEnding.SUCCEEDED);
              assertThat(a.spot()).isTrue();
            });
    assertThat(report.finalCheckpointStep()).hasValue(10);
    JsonNode body = SpotStubs.createBodies(wm).get(0);
    assertThat(body.get("DisplayName").asText()).isEqualTo("sft-a1");
    assertThat(body.get("Envs").get("PAILOT_ATTEMPT").asText()).isEqualTo("1");
    assertThat(body.get("Envs").get("PAILOT_RESUME_FROM_STEP").asText()).isEqualTo("0");
    assertThat(body.get("Envs").get("PAILOT_CHECKPOINT_DIR").asText()).isEqualTo("/mnt/ckpt/");
    assertThat(body.get("Envs").get("NCCL_DEBUG").asText()).isEqualTo("INFO");
    assertThat(body.get("JobSpecs").get(0).get("SpotSpec").get("SpotDiscountLimit").asDouble())
        .isEqualTo(0.5);
    wm.verify(
        postRequestedFor(urlPathEqualTo(JOBS)).withHeader("x-acs-action", equalTo("CreateJob")));
    wm.verify(
        3,
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1"))
            .withHeader("x-acs-action", equalTo("GetJob"))
            .withQueryParam("NeedDetail", equalTo("true")));
    wm.verify(0, postRequestedFor(urlPathMatching(".*/stop")));
    wm.verify(0, getRequestedFor(urlPathMatching(".*/(events|logs)")));
  }

  @Test
  void afterOnePreemptionTheNextAttemptResumesFromTheNewestCompleteCheckpoint() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.preempted("dlc-a1"));
    SpotStubs.lifecycle(wm, "dlc-a2", FakeJob.running("dlc-a2"), FakeJob.succeeded("dlc-a2"));
    SpotStubs.checkpoint(ckpt, 30, false); // half-written when the instance was reclaimed

    SpotRunReport report = run().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.preemptions()).isEqualTo(1);
    AttemptReport first = report.attempts().get(0);
    assertThat(first.ending()).isEqualTo(AttemptEnding.PREEMPTED);
    assertThat(first.detail()).hasValue("ReasonCode SpotInstanceReclaimed");
    assertThat(first.checkpointStepAtEnd()).hasValue(10); // step-30 has no marker: skipped
    assertThat(first.lastStepReached()).hasValue(34);
    assertThat(first.lostSteps()).hasValue(24);
    assertThat(report.attempts().get(1).resumedFromStep()).isEqualTo(10);
    List<JsonNode> bodies = SpotStubs.createBodies(wm);
    assertThat(bodies.get(1).get("Envs").get("PAILOT_RESUME_FROM_STEP").asText()).isEqualTo("10");
    assertThat(bodies.get(1).get("Envs").get("PAILOT_ATTEMPT").asText()).isEqualTo("2");
    assertThat(bodies.get(1).get("DisplayName").asText()).isEqualTo("sft-a2");
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/pods/dlc-a1-worker-0/logs"))
            .withHeader("x-acs-action", equalTo("GetPodLogs"))
            .withQueryParam("MaxLines", equalTo("50")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc-a1/events"))
            .withHeader("x-acs-action", equalTo("GetJobEvents")));
    wm.verify(0, postRequestedFor(urlPathMatching(".*/stop")));
    assertThat(events)
        .extracting(SpotRunEvent::type)
        .containsSubsequence(
            SpotRunEventType.ATTEMPT_SUBMITTED,
            SpotRunEventType.ATTEMPT_RUNNING,
            SpotRunEventType.CHECKPOINT_OBSERVED,
            SpotRunEventType.PREEMPTED,
            SpotRunEventType.ATTEMPT_SUBMITTED,
            SpotRunEventType.RESUBMITTED,
            SpotRunEventType.ATTEMPT_RUNNING,
            SpotRunEventType.FINISHED);
  }

  @Test
  void threePreemptionsResumeFromEachNewerCheckpointWithTheSameLocation() {
    SpotStubs.creates(wm, 4);
    for (int i = 1; i <= 3; i++) {
      String id = "dlc-a" + i;
      SpotStubs.lifecycle(wm, id, FakeJob.queuing(id), FakeJob.running(id), FakeJob.preempted(id));
    }
    SpotStubs.lifecycle(wm, "dlc-a4", FakeJob.running("dlc-a4"), FakeJob.succeeded("dlc-a4"));

    SpotRunReport report = run().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.preemptions()).isEqualTo(3);
    assertThat(report.attempts())
        .extracting(AttemptReport::resumedFromStep)
        .containsExactly(0L, 10L, 20L, 30L);
    List<JsonNode> bodies = SpotStubs.createBodies(wm);
    assertThat(bodies).hasSize(4);
    for (int i = 0; i < 4; i++) {
      JsonNode envs = bodies.get(i).get("Envs");
      assertThat(envs.get("PAILOT_ATTEMPT").asText()).isEqualTo(Integer.toString(i + 1));
      assertThat(envs.get("PAILOT_RESUME_FROM_STEP").asText()).isEqualTo(Long.toString(10L * i));
      assertThat(envs.get("PAILOT_CHECKPOINT_DIR").asText()).isEqualTo("/mnt/ckpt/");
      assertThat(bodies.get(i).get("DataSources"))
          .anySatisfy(
              ds -> {
                assertThat(ds.get("Uri").asText()).isEqualTo(SpotStubs.CKPT);
                assertThat(ds.get("MountPath").asText()).isEqualTo("/mnt/ckpt/");
              });
    }
    // Each attempt ran an hour on two ecs.gn7i-c8g1.2xlarge pods: 0.84 spot, 2.80 on demand.
    assertThat(report.attempts()).allSatisfy(a -> assertThat(a.runningTime()).hasHours(1));
    assertThat(report.cost()).hasValue(new BigDecimal("6.72"));
    assertThat(report.onDemandCost()).hasValue(new BigDecimal("22.40"));
    assertThat(report.savings()).hasValue(new BigDecimal("15.68"));
    assertThat(progress)
        .filteredOn(p -> p.operation().equals(SpotRunEvent.OPERATION))
        .extracting(ProgressEvent::phase)
        .contains("PREEMPTED", "RESUBMITTED", "FINISHED");
    assertThat(report.toText()).contains("SUCCEEDED", "dlc-a4", "saved 15.68 USD (70%)");
    assertThat(SpotRunReport.fromJson(report.toJson())).isEqualTo(report);
  }
}
