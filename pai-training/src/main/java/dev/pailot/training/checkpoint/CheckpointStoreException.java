package dev.pailot.training.checkpoint;

import dev.pailot.core.error.PaiException;

/**
 * A checkpoint store could not be read: the message names the location and what to check. Never
 * contains credentials.
 */
public class CheckpointStoreException extends PaiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, where, and the fix
   * @param cause the underlying failure, or {@code null}
   */
  public CheckpointStoreException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
