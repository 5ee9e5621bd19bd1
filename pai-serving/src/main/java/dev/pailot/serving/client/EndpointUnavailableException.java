package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.Optional;

/**
 * The endpoint could not serve the request: the connection failed before an answer, or it answered
 * HTTP 5xx (502, 503, 504, 500). Retryable: no output was delivered. {@link #retryAfter()} carries
 * the server's {@code Retry-After} hint when it sent one. Thread-safe and immutable once thrown.
 */
public class EndpointUnavailableException extends ServiceUnavailableException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the endpoint reported
   * @param cause underlying cause, or {@code null}
   * @param retryAfter the server's wait hint, or {@code null}
   */
  public EndpointUnavailableException(
      String message, ErrorDetails details, Throwable cause, Duration retryAfter) {
    super(message, details, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the server asked for in {@code Retry-After}, if any.
   *
   * @return the hint
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
