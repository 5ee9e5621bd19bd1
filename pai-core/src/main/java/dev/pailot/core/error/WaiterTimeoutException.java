package dev.pailot.core.error;

/**
 * A waiter's deadline passed before the resource reached the desired state. The message says which
 * resource, the last state seen and how long was waited. The resource itself is untouched.
 */
public class WaiterTimeoutException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was waited for, the last state seen, and for how long
   */
  public WaiterTimeoutException(String message) {
    super(message);
  }
}
