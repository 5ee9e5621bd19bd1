package dev.pailot.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * PAI throttled the call ({@code Throttling}, {@code Throttling.User}, {@code Throttling.Api},
 * {@code Rejected.Throttling}). Always retryable; the SDK retries it with backoff and honours the
 * server's {@code TimeLeft} hint before it surfaces.
 */
public class ThrottlingException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param retryAfter the server's wait hint, or {@code null}
   */
  public ThrottlingException(String message, ErrorDetails details, Duration retryAfter) {
    super(message, details, null);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the server asked for in its {@code x-ratelimit-*} headers, if any.
   *
   * @return the hint
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
