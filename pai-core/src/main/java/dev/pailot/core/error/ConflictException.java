package dev.pailot.core.error;

/**
 * The resource already exists or is in a state that does not allow the call (HTTP 409, {@code
 * *.AlreadyExist*}, {@code *.Duplicate*}).
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class ConflictException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public ConflictException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
