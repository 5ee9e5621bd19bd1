package dev.pailot.core.error;

/**
 * The credentials were rejected: {@code SignatureDoesNotMatch}, {@code
 * InvalidAccessKeyId.NotFound}, {@code IncompleteSignature}, {@code Forbidden.RAM} and similar.
 * Check the access key, its secret, the clock, and the RAM policy.
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class AuthenticationException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
