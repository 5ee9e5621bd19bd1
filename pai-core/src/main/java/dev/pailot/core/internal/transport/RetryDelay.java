package dev.pailot.core.internal.transport;

import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ThrottlingException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long {@link CallPipeline} waits before the next attempt: exponential backoff from {@link
 * RetrySettings#baseDelay()} with jitter, capped at {@link RetrySettings#maxDelay()}; after
 * throttling with a {@code TimeLeft} hint, never less than the hint (itself capped at {@code
 * maxDelay}). Stateless and thread-safe.
 */
final class RetryDelay {
  private RetryDelay() {}

  /**
   * The delay before the next attempt.
   *
   * @param s retry settings
   * @param failedAttempts attempts made so far, at least 1
   * @param failure the last attempt's failure, or {@code null}
   * @return the delay, between zero and {@code maxDelay}
   */
  static Duration next(RetrySettings s, int failedAttempts, Throwable failure) {
    Duration backoff = jittered(s, exponential(s, failedAttempts));
    if (failure instanceof ThrottlingException t && t.retryAfter().isPresent()) {
      Duration hint = min(t.retryAfter().get(), s.maxDelay());
      return hint.compareTo(backoff) > 0 ? hint : backoff;
    }
    return backoff;
  }

  private static Duration exponential(RetrySettings s, int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    return min(s.baseDelay().multipliedBy(1L << doublings), s.maxDelay());
  }

  private static Duration jittered(RetrySettings s, Duration delay) {
    if (s.jitter() == 0 || delay.isZero()) {
      return delay;
    }
    double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * s.jitter();
    return min(Duration.ofNanos((long) (delay.toNanos() * factor)), s.maxDelay());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
