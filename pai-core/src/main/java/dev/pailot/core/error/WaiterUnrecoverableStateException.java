package dev.pailot.core.error;

/**
 * A waited-for resource reached a state it cannot leave towards the desired one, e.g. a job that
 * {@code Failed} while waiting for {@code Succeeded}.
 *
 * <p>Thread-safe and immutable once thrown.
 */
public class WaiterUnrecoverableStateException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the service reported
   * @param cause underlying cause, or {@code null}
   */
  public WaiterUnrecoverableStateException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
