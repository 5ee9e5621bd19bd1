package dev.pailot.training.spot.internal;

import dev.pailot.training.spot.AttemptReport;
import java.util.Optional;

/**
 * The run cannot go on (a call failed, or a job did not stop in time): it ends as {@code ERROR}
 * with this message, which says what failed, on which job, and what to do.
 */
final class RunAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AttemptReport attempt;

  RunAbort(String message, Throwable cause) {
    this(message, cause, null);
  }

  RunAbort(String message, Throwable cause, AttemptReport attempt) {
    super(message, cause);
    this.attempt = attempt;
  }

  /** The attempt the run lost track of, with ending {@code UNKNOWN}, if one was submitted. */
  Optional<AttemptReport> attempt() {
    return Optional.ofNullable(attempt);
  }
}
