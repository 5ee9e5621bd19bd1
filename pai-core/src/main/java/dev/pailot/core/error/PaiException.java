package dev.pailot.core.error;

import java.util.Optional;

/**
 * Root of every exception Pailot throws. Unchecked, so callers catch only what they can handle.
 *
 * <p>Carries what PAI said about the failure: the request id (quote it to Alibaba Cloud support),
 * the error code, the HTTP status, whether retrying can help, and how many attempts were made.
 * Messages name the operation and resource and say what to do; they never contain credentials,
 * tokens or request bodies.
 */
public class PaiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorDetails details;
  private volatile int numAttempts;

  /**
   * Creates an exception from structured details.
   *
   * @param message human-readable message: what failed, on which resource, what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public PaiException(String message, ErrorDetails details, Throwable cause) {
    super(message, cause);
    this.details = details == null ? ErrorDetails.none() : details;
    this.numAttempts = Math.max(1, this.details.attempts());
  }

  /**
   * Creates an exception that has no service details (a client-side failure).
   *
   * @param message human-readable message
   */
  public PaiException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /**
   * The request id PAI returned, if the request reached it.
   *
   * @return the request id
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  /**
   * PAI's error code, e.g. {@code Throttling.User} or {@code InvalidParameter}.
   *
   * @return the error code
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(details.code());
  }

  /**
   * PAI's own recommendation text (often a diagnosis link), if it sent one.
   *
   * @return the recommendation
   */
  public Optional<String> recommend() {
    return Optional.ofNullable(details.recommend());
  }

  /**
   * The HTTP status, or 0 when no response was received.
   *
   * @return the status code
   */
  public int httpStatus() {
    return details.httpStatus();
  }

  /**
   * Whether the same call may succeed if sent again later.
   *
   * @return {@code true} for throttling and transient failures
   */
  public boolean retryable() {
    return details.retryable();
  }

  /**
   * How many attempts were made before this exception was thrown.
   *
   * @return at least 1
   */
  public int numAttempts() {
    return numAttempts;
  }

  /**
   * The structured details behind this exception.
   *
   * @return the details
   */
  public ErrorDetails details() {
    return details;
  }

  /**
   * Records the number of attempts made; called once by the SDK's retry pipeline.
   *
   * @param attempts attempts made
   * @return this exception
   */
  public PaiException withAttempts(int attempts) {
    this.numAttempts = Math.max(1, attempts);
    return this;
  }
}
