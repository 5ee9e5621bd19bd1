package dev.pailot.serving.release;

/** What a run does when it finds the release already in progress (its controller died). */
public enum ResumePolicy {
  /**
   * Carry on (the default): a stage in progress is baked again in full and judged by the gates; no
   * stage is skipped.
   */
  CONTINUE,
  /** Return all traffic to blue and apply the {@link GreenPolicy}. */
  ROLL_BACK
}
