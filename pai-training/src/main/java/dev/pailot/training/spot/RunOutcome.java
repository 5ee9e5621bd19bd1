package dev.pailot.training.spot;

/** How a {@link SpotRun} ended ({@link SpotRunReport#outcome()}). */
public enum RunOutcome {
  /** The last attempt succeeded: training finished. */
  SUCCEEDED,
  /** An attempt failed for a reason other than preemption; see {@link SpotRunReport#failure()}. */
  FAILED,
  /** An attempt was preempted and the policy does not resume ({@code resumeOnPreemption}). */
  PREEMPTED,
  /** The caller stopped the run, or someone stopped its DLC job. */
  STOPPED,
  /** {@code maxAttempts} attempts ended without success. */
  MAX_ATTEMPTS,
  /** The deadline passed. */
  DEADLINE,
  /** The budget could not pay for more. */
  BUDGET,
  /** The gang-start guard stopped an attempt and the policy does not resubmit. */
  GANG_TIMEOUT,
  /**
   * The run could not go on: a call failed (e.g. CreateJob, or the checkpoint store could not be
   * read), or an attempt did not stop in time. {@link SpotRunReport#message()} says what and what
   * to do; nothing more was submitted.
   */
  ERROR
}
