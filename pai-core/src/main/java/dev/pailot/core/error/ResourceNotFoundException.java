package dev.pailot.core.error;

/**
 * The resource named in the call does not exist (HTTP 404, codes ending in {@code .NotFound},
 * AIWorkspace numeric not-found codes).
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class ResourceNotFoundException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public ResourceNotFoundException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
