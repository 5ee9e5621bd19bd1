package dev.pailot.training.spot.internal;

import dev.pailot.training.JobSpec;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.spot.ResumeContract;
import java.util.List;
import java.util.Optional;

/**
 * Derives an attempt's job spec from the run's: its own display name ({@code <run>-a<n>}, so an
 * ambiguous CreateJob can be looked up), the resume contract's environment variables, and, for an
 * on-demand attempt, no {@code SpotSpec} on any role. Everything else, the checkpoint location
 * included, is the run's spec unchanged.
 */
public final class AttemptSpecs {
  private AttemptSpecs() {}

  /**
   * The display name of attempt {@code n}.
   *
   * @param run run name
   * @param n attempt number
   * @return display name
   */
  public static String displayName(String run, int n) {
    return run + "-a" + n;
  }

  /**
   * The spec of one attempt.
   *
   * @param base the run's spec, with a checkpoint location
   * @param run run name
   * @param n attempt number, from 1
   * @param resumeStep step to resume from, 0 for none
   * @param spot whether spot roles keep their {@code SpotSpec}
   * @return the attempt's spec, validated
   */
  public static JobSpec derive(JobSpec base, String run, int n, long resumeStep, boolean spot) {
    JobSpec.Builder b =
        base.toBuilder()
            .displayName(displayName(run, n))
            .putEnvs(ResumeContract.CHECKPOINT_DIR, base.checkpoint().orElseThrow().mountPath())
            .putEnvs(ResumeContract.ATTEMPT, Integer.toString(n))
            .putEnvs(ResumeContract.RESUME_FROM_STEP, Long.toString(resumeStep));
    if (!spot) {
      b.roles(onDemand(base.roles()));
    }
    return b.build();
  }

  /**
   * Whether any role asks for spot capacity.
   *
   * @param spec a spec
   * @return whether it uses spot
   */
  public static boolean usesSpot(JobSpec spec) {
    return spec.roles().stream().anyMatch(r -> r.spot().isPresent());
  }

  private static List<RoleSpec> onDemand(List<RoleSpec> roles) {
    return roles.stream().map(r -> r.toBuilder().spot(Optional.empty()).build()).toList();
  }
}
