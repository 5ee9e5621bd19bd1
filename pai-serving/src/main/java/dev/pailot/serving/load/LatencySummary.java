package dev.pailot.serving.load;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Percentiles of one latency over a run's measured requests, read from an HdrHistogram with three
 * significant digits. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LatencySummary {
  /**
   * Number of values.
   *
   * @return the count
   */
  public abstract long count();

  /**
   * Mean.
   *
   * @return the mean
   */
  public abstract Duration mean();

  /**
   * Median.
   *
   * @return p50
   */
  public abstract Duration p50();

  /**
   * 90th percentile.
   *
   * @return p90
   */
  public abstract Duration p90();

  /**
   * 99th percentile.
   *
   * @return p99
   */
  public abstract Duration p99();

  /**
   * Largest value.
   *
   * @return the maximum
   */
  public abstract Duration max();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link LatencySummary}. Not thread-safe. */
  public static final class Builder extends ImmutableLatencySummary.Builder {
    Builder() {}
  }
}
