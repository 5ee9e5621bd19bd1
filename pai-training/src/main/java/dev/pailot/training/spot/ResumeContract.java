package dev.pailot.training.spot;

/**
 * The environment variables a {@link SpotRun} sets on every attempt, so the training script knows
 * where to checkpoint and where to resume. The contract, with an example script, is in {@code
 * docs/training.md} ("The resume contract"); LocalPai's simulated script honours the same names.
 *
 * <ul>
 *   <li>{@value #CHECKPOINT_DIR}: the checkpoint location's mount path in the pods, the same on
 *       every attempt. Checkpoint {@code N} goes to {@code <dir>/step-N/}; write every file first,
 *       then the empty marker {@code <dir>/step-N/_COMPLETE}, last.
 *   <li>{@value #ATTEMPT}: the attempt number, {@code 1}, {@code 2}, ...
 *   <li>{@value #RESUME_FROM_STEP}: the step of the newest complete checkpoint the SDK found before
 *       submitting the attempt; {@code 0} means start from scratch. Load {@code <dir>/step-<N>/}
 *       and continue with step {@code N + 1}.
 * </ul>
 *
 * <p>The run sets them over any values the job spec gives.
 */
public final class ResumeContract {
  /** The checkpoint directory as the pods see it. */
  public static final String CHECKPOINT_DIR = "PAILOT_CHECKPOINT_DIR";

  /** The 1-based attempt number. */
  public static final String ATTEMPT = "PAILOT_ATTEMPT";

  /** The checkpoint step to resume from; 0 to start from scratch. */
  public static final String RESUME_FROM_STEP = "PAILOT_RESUME_FROM_STEP";

  private ResumeContract() {}
}
