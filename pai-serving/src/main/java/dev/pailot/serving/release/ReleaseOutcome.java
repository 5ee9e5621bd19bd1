package dev.pailot.serving.release;

/** How a release run ended. */
public enum ReleaseOutcome {
  /** Every stage passed its gates; green takes all traffic. */
  PROMOTED,
  /** A gate failed (or a resumed run was told to roll back); blue takes all traffic again. */
  ROLLED_BACK,
  /**
   * The controller was interrupted before the release ended; EAS keeps the weights it had, and
   * running the same release again resumes it.
   */
  INTERRUPTED
}
