package dev.pailot.serving.release.shadow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One side (blue or green) of a shadow comparison: the probe requests sent to its own endpoint
 * during the window, how many failed, and the latency of the successful ones. Plain data. Immutable
 * and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSideStats.class)
@JsonDeserialize(as = ImmutableSideStats.class)
public abstract class SideStats {
  /**
   * The service.
   *
   * @return service name
   */
  public abstract String service();

  /**
   * Probe requests sent.
   *
   * @return requests
   */
  public abstract long requests();

  /**
   * Probe requests that failed.
   *
   * @return failed requests
   */
  public abstract long failed();

  /**
   * Median latency of successful probes, seconds ({@code NaN} without any).
   *
   * @return p50
   */
  public abstract double p50Seconds();

  /**
   * 99th percentile latency of successful probes, seconds ({@code NaN} without any).
   *
   * @return p99
   */
  public abstract double p99Seconds();

  /**
   * Failed divided by sent, 0 without requests.
   *
   * @return error rate
   */
  public double errorRate() {
    return requests() == 0 ? 0 : failed() / (double) requests();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SideStats}. Not thread-safe. */
  public static final class Builder extends ImmutableSideStats.Builder {
    Builder() {}
  }
}
