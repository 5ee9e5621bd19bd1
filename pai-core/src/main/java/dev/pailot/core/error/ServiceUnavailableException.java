package dev.pailot.core.error;

/**
 * PAI failed transiently (HTTP 5xx, {@code ServiceUnavailable}, I/O errors). Retried automatically
 * for idempotent calls and creates that carry a {@code ClientToken}.
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class ServiceUnavailableException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public ServiceUnavailableException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
