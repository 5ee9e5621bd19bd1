package dev.pailot.training;

import java.util.Locale;

/**
 * A DLC job's lifecycle state ({@code Status}, PAI_API.md §2.7). {@link #SUCCEEDED}, {@link
 * #FAILED} and {@link #STOPPED} are terminal; every other state passes. The reserving states keep
 * pods for {@code JobReservedMinutes} after the job ended and then become {@code Succeeded} or
 * {@code Failed}. A state this SDK does not know is {@link #UNKNOWN}; {@link Job#statusText()}
 * keeps PAI's text.
 */
public enum JobStatus {
  /** {@code Creating}: the job is being created. */
  CREATING("Creating"),
  /** {@code Queuing}: waiting for resources (quota or stock). */
  QUEUING("Queuing"),
  /** {@code Bidding}: bidding for spot capacity (Lingjun spot only). */
  BIDDING("Bidding"),
  /** {@code EnvPreparing}: pulling images, mounting data. */
  ENV_PREPARING("EnvPreparing"),
  /** {@code SanityChecking}: GPU and communication health check before the run. */
  SANITY_CHECKING("SanityChecking"),
  /** {@code Running}: the user command runs. */
  RUNNING("Running"),
  /** {@code Restarting}: restarting after a fault (AIMaster) or preemption. */
  RESTARTING("Restarting"),
  /** {@code Stopping}: being stopped. */
  STOPPING("Stopping"),
  /** {@code SucceededReserving}: succeeded; pods are kept for a while. */
  SUCCEEDED_RESERVING("SucceededReserving"),
  /** {@code FailedReserving}: failed; pods are kept for a while. */
  FAILED_RESERVING("FailedReserving"),
  /** {@code Succeeded}: finished successfully. Terminal. */
  SUCCEEDED("Succeeded"),
  /** {@code Failed}: finished with an error. Terminal. */
  FAILED("Failed"),
  /** {@code Stopped}: stopped by a user or by the maximum running time. Terminal. */
  STOPPED("Stopped"),
  /** A state this SDK version does not know; waiters keep polling through it. */
  UNKNOWN("Unknown");

  private final String wireValue;

  JobStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The text PAI uses, e.g. {@code EnvPreparing}.
   *
   * @return wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Whether the job has ended for good: {@link #SUCCEEDED}, {@link #FAILED} or {@link #STOPPED}.
   *
   * @return {@code true} for terminal states
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == STOPPED;
  }

  /**
   * Whether the job ended, or is ending, without success: {@link #FAILED}, {@link
   * #FAILED_RESERVING}, {@link #STOPPED} or {@link #STOPPING}.
   *
   * @return {@code true} if the job cannot succeed any more
   */
  public boolean isUnsuccessful() {
    return this == FAILED || this == FAILED_RESERVING || this == STOPPED || this == STOPPING;
  }

  /**
   * Maps PAI's status text, case-insensitively; unknown or missing text becomes {@link #UNKNOWN}.
   *
   * @param text the status text, or {@code null}
   * @return the status
   */
  public static JobStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (JobStatus s : values()) {
      if (s != UNKNOWN && s.wireValue.toLowerCase(Locale.ROOT).equals(t)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
