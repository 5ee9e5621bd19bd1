package dev.pailot.observability.alerts.internal;

import java.time.Duration;

/** Prometheus's duration syntax ({@code 5m}, {@code 1h}, {@code 30s}, {@code 250ms}). Internal. */
public final class PromDurations {
  private PromDurations() {}

  /**
   * Formats a duration in the largest whole unit.
   *
   * @param d a non-negative duration
   * @return e.g. {@code 5m}
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }

  /**
   * The {@code le} label Micrometer's Prometheus registry writes for a bucket bound, e.g. {@code
   * 0.5} or {@code 1.0}.
   *
   * @param bound the bound
   * @return the label value
   */
  public static String le(Duration bound) {
    return Double.toString(bound.toNanos() / 1e9);
  }
}
