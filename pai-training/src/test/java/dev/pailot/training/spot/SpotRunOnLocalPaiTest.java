package dev.pailot.training.spot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.DlcTrainingRecord;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import dev.pailot.training.JobSpec;
import dev.pailot.training.JobType;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spot runs against LocalPai's DLC emulation, which really trains, checkpoints and gets reclaimed:
 * outcomes, not timings, are asserted.
 */
class SpotRunOnLocalPaiTest {
  private static final String CKPT = "oss://llm-bucket/ckpt/sft/";

  private LocalPai localPai;
  private Pai pai;
  private SpotTraining training;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.clientBuilder().meterRegistry(registry).build();
    training = SpotTraining.create(pai);
  }

  @AfterEach
  void stop() {
    training.close();
    pai.close();
    localPai.close();
  }

  static JobSpec spec() {
    return JobSpec.builder()
        .displayName("sft-spot")
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("python train.py")
        .addRoles(
            RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                .podCount(2)
                .ecsSpec("ecs.gn7i-c8g1.2xlarge")
                .spot(SpotSpec.ofDiscountLimit(0.5))
                .build())
        .checkpoint(CKPT, "/mnt/ckpt/")
        .putEnvs("PAILOT_TOTAL_STEPS", "60")
        .putEnvs("PAILOT_CHECKPOINT_EVERY_STEPS", "10")
        .build();
  }

  private SpotRun.Builder run(List<SpotRunEvent> events) {
    return training
        .spotRun(spec())
        .resumeOnPreemption()
        .maxAttempts(5)
        .pollInterval(Duration.ofMillis(20))
        .checkpointStore(LocalCheckpointStore.of(localPai.storagePath(CKPT)))
        .listener(events::add);
  }

  @Test
  void aRunPreemptedTwiceFinishesLosingAtMostOneIntervalPerPreemption() {
    localPai.faults().preemptNextSpotDlcJob(25).preemptNextSpotDlcJob(45);
    List<SpotRunEvent> events = new CopyOnWriteArrayList<>();

    SpotRunReport report = run(events).build().await();

    assertThat(report.outcome()).as(report.toText()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.preemptions()).isEqualTo(2);
    assertThat(registry.get("pailot.spot.preemptions").tag("job_name", report.run()).counter())
        .extracting(c -> c.count())
        .isEqualTo(2.0);
    assertThat(report.attempts())
        .extracting(AttemptReport::resumedFromStep)
        .containsExactly(0L, 20L, 40L);
    for (AttemptReport a : report.attempts()) {
      DlcTrainingRecord record = localPai.dlc().training(a.jobId()).orElseThrow();
      assertThat(record.attempt()).hasValue(a.number());
      assertThat(record.lostSteps()).isLessThanOrEqualTo(10);
      assertThat(a.lostSteps().orElse(0)).isEqualTo(record.lostSteps());
    }
    assertThat(report.lostStepsPerPreemption()).containsExactly(5L, 5L);
    assertThat(report.finalCheckpointStep()).hasValue(60);
    assertThat(events)
        .extracting(SpotRunEvent::type)
        .contains(
            SpotRunEventType.ATTEMPT_SUBMITTED,
            SpotRunEventType.ATTEMPT_RUNNING,
            SpotRunEventType.CHECKPOINT_OBSERVED,
            SpotRunEventType.PREEMPTED,
            SpotRunEventType.RESUBMITTED)
        .endsWith(SpotRunEventType.FINISHED);
  }

  @Test
  void anAttemptWithAPodThatNeverStartsIsStoppedAndResubmitted() {
    localPai.faults().nextDlcJobPodNeverStarts();
    List<SpotRunEvent> events = new CopyOnWriteArrayList<>();

    SpotRunReport report = run(events).gangStartTimeout(Duration.ofMillis(200)).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(report.attempts())
        .extracting(AttemptReport::ending)
        .containsExactly(AttemptEnding.GANG_TIMEOUT, AttemptEnding.SUCCEEDED);
    assertThat(localPai.dlc().training(report.attempts().get(0).jobId()).orElseThrow().outcome())
        .isEqualTo(DlcTrainingRecord.Outcome.STOPPED);
    assertThat(events).extracting(SpotRunEvent::type).contains(SpotRunEventType.GANG_TIMEOUT);
  }

  @Test
  void aFailureThatIsNotAPreemptionIsNotRetried() {
    localPai.faults().failNextDlcJob(30, 1);

    SpotRunReport report = run(new CopyOnWriteArrayList<>()).build().await();

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    assertThat(report.attempts()).hasSize(1);
    assertThat(localPai.dlc().trainings()).hasSize(1);
    AttemptFailure failure = report.failure().orElseThrow();
    assertThat(failure.logTail()).anyMatch(l -> l.contains("RuntimeError: injected failure"));
    assertThat(failure.events()).anyMatch(e -> e.contains("exited with code 1"));
  }
}
