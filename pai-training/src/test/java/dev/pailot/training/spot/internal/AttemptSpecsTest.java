package dev.pailot.training.spot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.training.JobSpec;
import dev.pailot.training.JobType;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import org.junit.jupiter.api.Test;

/** How an attempt's spec is derived from the run's. */
class AttemptSpecsTest {
  private static final JobSpec BASE =
      JobSpec.builder()
          .displayName("sft")
          .jobType(JobType.PYTORCH_JOB)
          .userCommand("python train.py")
          .addRoles(
              RoleSpec.worker("trainer:2.3.0")
                  .podCount(2)
                  .ecsSpec("ecs.gn7i-c8g1.2xlarge")
                  .spot(SpotSpec.ofDiscountLimit(0.5))
                  .build())
          .addRoles(RoleSpec.master("trainer:2.3.0").ecsSpec("ecs.g7.xlarge").build())
          .checkpoint("oss://bucket/ckpt/", "/mnt/ckpt/")
          .putEnvs("PAILOT_ATTEMPT", "99")
          .putEnvs("PAILOT_CHECKPOINT_DIR", "/somewhere/else")
          .putEnvs("LR", "2e-5")
          .build();

  @Test
  void theResumeContractOverridesTheSpecsValues() {
    JobSpec a3 = AttemptSpecs.derive(BASE, "sft", 3, 40, true);

    assertThat(a3.displayName()).isEqualTo("sft-a3");
    assertThat(a3.envs())
        .containsEntry("PAILOT_ATTEMPT", "3")
        .containsEntry("PAILOT_RESUME_FROM_STEP", "40")
        .containsEntry("PAILOT_CHECKPOINT_DIR", "/mnt/ckpt/")
        .containsEntry("LR", "2e-5");
    assertThat(a3.checkpoint()).isEqualTo(BASE.checkpoint());
    assertThat(a3.roles()).isEqualTo(BASE.roles());
  }

  @Test
  void anOnDemandAttemptDropsEverySpotSpecAndNothingElse() {
    JobSpec onDemand = AttemptSpecs.derive(BASE, "sft", 2, 0, false);

    assertThat(onDemand.roles()).allSatisfy(r -> assertThat(r.spot()).isEmpty());
    assertThat(onDemand.roles().get(0).podCount()).isEqualTo(2);
    assertThat(AttemptSpecs.usesSpot(onDemand)).isFalse();
    assertThat(AttemptSpecs.usesSpot(BASE)).isTrue();
  }
}
