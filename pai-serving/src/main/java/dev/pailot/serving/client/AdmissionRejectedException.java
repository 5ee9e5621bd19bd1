package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;

/**
 * The client's own admission stage refused the request before any HTTP call: its queue was full,
 * its expected wait in the queue would miss its deadline, or the client was closed. Nothing reached
 * the endpoint. Retryable when the queue was full. Thread-safe and immutable once thrown.
 */
public class AdmissionRejectedException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** The concurrency limit was reached and the queue was full: shed load or retry later. */
    QUEUE_FULL,
    /**
     * The adaptive limit expected the request to wait in the queue past its deadline, so it was
     * refused at once: allow a longer deadline, shed load or retry later.
     */
    EXPECTED_WAIT,
    /** The client was closed before the request could start. */
    CLIENT_CLOSED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details details; {@code retryable} is true for {@link Reason#QUEUE_FULL}
   * @param reason why
   */
  public AdmissionRejectedException(String message, ErrorDetails details, Reason reason) {
    super(message, details, null);
    this.reason = reason;
  }

  /**
   * Why the request was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
