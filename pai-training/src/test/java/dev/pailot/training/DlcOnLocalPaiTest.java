package dev.pailot.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.testkit.localpai.DlcTrainingRecord;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DLC client against LocalPai's DLC emulation: two sides written independently from the same
 * protocol description, so this checks both. Also the example of docs/localpai.md.
 */
class DlcOnLocalPaiTest {
  private LocalPai localPai;
  private Pai pai;

  @BeforeEach
  void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
  }

  @AfterEach
  void stop() {
    pai.close();
    localPai.close();
  }

  private static JobSpec spotJob() {
    return JobSpec.builder()
        .displayName("sft-on-localpai")
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("python train.py")
        .addRoles(
            RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                .podCount(2)
                .ecsSpec("ecs.gn7i-c8g1.2xlarge")
                .spot(SpotSpec.ofDiscountLimit(0.5))
                .build())
        .checkpoint("oss://llm-bucket/ckpt/sft/", "/mnt/ckpt/")
        .putEnvs("PAILOT_CHECKPOINT_DIR", "/mnt/ckpt/")
        .putEnvs("PAILOT_TOTAL_STEPS", "60")
        .putEnvs("PAILOT_CHECKPOINT_EVERY_STEPS", "10")
        .build();
  }

  private static WaitOptions fast() {
    return WaitOptions.builder()
        .timeout(Duration.ofMinutes(2))
        .pollDelays(Duration.ofMillis(10), Duration.ofMillis(100))
        .build();
  }

  @Test
  void aJobTrainsToSuccessWithCheckpoints() {
    try (DlcClient dlc = DlcClient.create(pai)) {
      String jobId = dlc.createJob(spotJob());
      Job running = dlc.waitUntilRunning(jobId, fast());
      assertThat(running.pods()).hasSize(2);
      Job done = dlc.waitUntilFinished(jobId, fast());
      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.statusHistory())
          .extracting(StatusTransition::status)
          .contains(JobStatus.RUNNING);
      DlcTrainingRecord record = localPai.dlc().training(jobId).orElseThrow();
      assertThat(record.lastStep()).isEqualTo(60);
      assertThat(record.checkpointSteps()).contains(10L, 60L);
    }
  }

  @Test
  void aReclaimedSpotJobFailsTheWayDlcReportsIt() {
    // tag::preempt[]
    try (DlcClient dlc = DlcClient.create(pai)) {
      localPai.faults().preemptNextSpotDlcJob(35); // reclaim the spot instance at step 35

      String jobId = dlc.createJob(spotJob());
      Job ended = dlc.waitUntilFinished(jobId, fast());

      DlcTrainingRecord training = localPai.dlc().training(jobId).orElseThrow();
      System.out.println(ended.status() + " " + ended.reasonCode().orElse("")); // FAILED ...
      System.out.println(training.lastCompleteCheckpointStep()); // 30: resume from here
      // end::preempt[]
      assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
      assertThat(ended.reasonCode()).hasValue("SpotInstanceReclaimed");
      assertThat(training.lastCompleteCheckpointStep()).isEqualTo(30);
      assertThat(dlc.events(jobId)).anyMatch(e -> e.text().contains("Reclaim"));
    }
  }
}
