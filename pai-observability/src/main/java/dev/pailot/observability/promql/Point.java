package dev.pailot.observability.promql;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import org.immutables.value.Value;

/** One value of a series at one time. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class Point {
  /**
   * The evaluation time.
   *
   * @return the time
   */
  @Value.Parameter
  public abstract Instant time();

  /**
   * The value; {@code NaN} and infinities are possible.
   *
   * @return the value
   */
  @Value.Parameter
  public abstract double value();

  /**
   * A point.
   *
   * @param time the evaluation time
   * @param value the value
   * @return the point
   */
  public static Point of(Instant time, double value) {
    return ImmutablePoint.of(time, value);
  }
}
