package dev.pailot.testkit.localpai.internal.dlc;

/**
 * {@code ReasonCode} values LocalPai reports. Only {@link #STOPPED_BY_USER} ("Job is stopped by
 * user.") is documented by Alibaba Cloud (PAI_API.md §2.6); the others are our reading, named in
 * the same CamelCase style, and kept in this one place so they are easy to correct.
 */
final class Reasons {
  /** Documented: {@code StopJob} ended the job. */
  static final String STOPPED_BY_USER = "JobStoppedByUser";

  /** Documented message for {@link #STOPPED_BY_USER}. */
  static final String STOPPED_BY_USER_MESSAGE = "Job is stopped by user.";

  /** Our reading: every pod completed. */
  static final String SUCCEEDED = "JobSucceeded";

  /** Our reading: a general-compute spot instance was reclaimed, so the job failed (§2.8). */
  static final String SPOT_RECLAIMED = "SpotInstanceReclaimed";

  /** Our reading: a pod's main container exited with a non-zero code. */
  static final String FAILED = "JobFailed";

  /** Our reading: the job ran past {@code JobMaxRunningTimeMinutes}. */
  static final String TIMEOUT = "JobRunningTimeout";

  private Reasons() {}
}
