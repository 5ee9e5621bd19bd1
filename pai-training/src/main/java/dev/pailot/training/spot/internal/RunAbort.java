package dev.pailot.training.spot.internal;

/**
 * The run cannot go on (a call failed, or a job did not stop in time): it ends as {@code ERROR}
 * with this message, which says what failed, on which job, and what to do.
 */
final class RunAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunAbort(String message, Throwable cause) {
    super(message, cause);
  }
}
