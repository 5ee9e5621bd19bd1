package dev.pailot.serving.client.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When a request must be done: its own deadline or the client's total timeout, whichever is
 * shorter, counted from submission.
 *
 * @param endNanos the {@link System#nanoTime()} at which it runs out
 * @param limit the budget
 * @param fromRequest whether the request's own deadline set it (else the total timeout)
 */
record Deadline(long endNanos, Duration limit, boolean fromRequest) {
  static Deadline of(long submittedNanos, Optional<Duration> requested, Duration total) {
    boolean own = requested.isPresent() && requested.get().compareTo(total) <= 0;
    Duration limit = own ? requested.get() : total;
    return new Deadline(submittedNanos + saturatedNanos(limit), limit, own);
  }

  private static final Duration LONGEST = Duration.ofDays(100);

  private static long saturatedNanos(Duration d) {
    return (d.compareTo(LONGEST) > 0 ? LONGEST : d).toNanos();
  }
}
