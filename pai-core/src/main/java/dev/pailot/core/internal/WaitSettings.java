package dev.pailot.core.internal;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;

/**
 * How a client waits for its resources: a deadline per resource and the poll delays (the first is
 * {@code minDelay}, growing up to {@code maxDelay}). Shared by the client builders so that every
 * client validates these settings the same way. SDK-internal.
 *
 * @param timeout deadline per resource
 * @param minDelay first poll delay
 * @param maxDelay largest poll delay
 */
public record WaitSettings(Duration timeout, Duration minDelay, Duration maxDelay) {

  /**
   * Up to 10 minutes per resource, polling every 2 to 15 s.
   *
   * @return the defaults
   */
  public static WaitSettings defaults() {
    return new WaitSettings(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(15));
  }

  /**
   * A copy with another deadline.
   *
   * @param field the builder method's name, for the error message
   * @param newTimeout positive deadline
   * @return the copy
   * @throws ValidationException if not positive
   */
  public WaitSettings withTimeout(String field, Duration newTimeout) {
    if (newTimeout == null || newTimeout.isNegative() || newTimeout.isZero()) {
      throw ValidationException.invalidField(
          field, "must be positive", "use e.g. Duration.ofMinutes(10)");
    }
    return new WaitSettings(newTimeout, minDelay, maxDelay);
  }

  /**
   * A copy with other poll delays.
   *
   * @param min first delay, not negative
   * @param max largest delay, at least {@code min}
   * @return the copy
   * @throws ValidationException if the delays are negative or out of order
   */
  public WaitSettings withDelays(Duration min, Duration max) {
    if (min == null || max == null || min.isNegative() || max.compareTo(min) < 0) {
      throw ValidationException.invalidField(
          "pollDelays", "need 0 <= min <= max", "use e.g. 2 s and 15 s");
    }
    return new WaitSettings(timeout, min, max);
  }
}
