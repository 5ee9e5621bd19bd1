package dev.pailot.training.spot;

/** How one attempt of a {@link SpotRun} ended ({@link AttemptReport#ending()}). */
public enum AttemptEnding {
  /** The job succeeded. */
  SUCCEEDED,
  /** The job failed and the classifier found preemption. */
  PREEMPTED,
  /** The job failed for another reason. Never retried. */
  FAILED,
  /** The gang-start guard stopped it: not every pod was running in time. */
  GANG_TIMEOUT,
  /** The caller stopped the run, so the run stopped the job. */
  STOPPED_BY_USER,
  /** Someone else stopped the job (console, another client). */
  STOPPED_EXTERNALLY,
  /** The run stopped it: the budget would have been crossed. */
  BUDGET_STOP,
  /** The run stopped it: the deadline passed. */
  DEADLINE_STOP,
  /** The run lost track of it (a call failed); the job may still exist. */
  UNKNOWN
}
