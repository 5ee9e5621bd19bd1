package dev.pailot.examples.demo;

import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.training.JobSpec;
import dev.pailot.training.JobType;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import dev.pailot.training.spot.SpotRunReport;
import dev.pailot.training.spot.SpotTraining;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Demo stage 2: a distributed spot training job on DLC that is preempted twice and still finishes,
 * resuming each time from the newest complete checkpoint, with its cost report.
 */
public final class TrainingStage {
  /** Where the job checkpoints (emulated OSS in LocalPai). */
  static final String CHECKPOINTS = "oss://pailot-demo/checkpoints/sft-demo/";

  private final Pai pai;
  private final LocalPai localPai;
  private final PrintStream out;

  /**
   * Creates the stage.
   *
   * @param pai client pointed at LocalPai
   * @param localPai the emulator, used to inject the two preemptions and read its checkpoints
   * @param out where progress is printed
   */
  public TrainingStage(Pai pai, LocalPai localPai, PrintStream out) {
    this.pai = pai;
    this.localPai = localPai;
    this.out = out;
  }

  /**
   * The training job: two spot workers, checkpoints every 10 of 100 steps.
   *
   * @return the spec
   */
  public static JobSpec jobSpec() {
    return JobSpec.builder()
        .displayName("pailot-demo-sft")
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("torchrun --nproc_per_node 1 train_with_resume.py")
        .addRoles(
            RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/pailot/trainer:2.3.0")
                .podCount(2)
                .ecsSpec("ecs.gn8v-c82g1.2xlarge")
                .spot(SpotSpec.ofDiscountLimit(0.4))
                .build())
        .checkpoint(CHECKPOINTS, "/mnt/ckpt/")
        .putEnvs("PAILOT_TOTAL_STEPS", "100")
        .putEnvs("PAILOT_CHECKPOINT_EVERY_STEPS", "10")
        .build();
  }

  /**
   * Runs the stage.
   *
   * @return the spot run's report
   */
  public SpotRunReport run() {
    out.println();
    out.println("== 2. Spot training on DLC (two spot reclaims injected at steps 35 and 62)");
    localPai.faults().preemptNextSpotDlcJob(35).preemptNextSpotDlcJob(62);
    try (SpotTraining training = SpotTraining.create(pai)) {
      SpotRunReport report =
          training
              .spotRun(jobSpec())
              .resumeOnPreemption()
              .maxAttempts(5)
              .budget(new BigDecimal("500.00"))
              .pollInterval(Duration.ofMillis(50))
              .checkpointStore(LocalCheckpointStore.of(localPai.storagePath(CHECKPOINTS)))
              // Progress arrives as ProgressEvents through the Pai's listener (ConsoleProgress).
              .build()
              .await();
      out.println(report.toText());
      return report;
    }
  }
}
