package dev.pailot.training.spot;

/** What a {@link SpotRunEvent} reports, in the order a run usually meets them. */
public enum SpotRunEventType {
  /**
   * An attempt's DLC job was created; {@code attributes} hold {@code resumeFromStep}, {@code spot}.
   */
  ATTEMPT_SUBMITTED,
  /** A later attempt was submitted after the previous one ended; it resumes from {@code step}. */
  RESUBMITTED,
  /** The attempt's job is {@code Running}. */
  ATTEMPT_RUNNING,
  /** The checkpoint store shows a newer complete checkpoint, at {@code step}. */
  CHECKPOINT_OBSERVED,
  /** The attempt ended by preemption; {@code attributes} hold the evidence and the lost work. */
  PREEMPTED,
  /** Not every pod was {@code Running} within the gang-start timeout: the attempt was stopped. */
  GANG_TIMEOUT,
  /** The next attempt runs on demand: after N preemptions or with the deadline near. */
  FELL_BACK_TO_ON_DEMAND,
  /** The budget cannot pay for more: the attempt was stopped, or none was submitted. */
  BUDGET_STOP,
  /** The deadline passed: the running attempt was stopped. */
  DEADLINE_STOP,
  /** The caller asked the run to stop. */
  STOP_REQUESTED,
  /** The attempt failed for a reason other than preemption; it is not retried. */
  ATTEMPT_FAILED,
  /** The run ended; {@code attributes} hold the outcome. The last event of every run. */
  FINISHED
}
