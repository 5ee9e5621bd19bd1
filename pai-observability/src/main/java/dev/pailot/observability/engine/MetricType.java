package dev.pailot.observability.engine;

import java.util.Locale;

/** A metric family's type from its {@code # TYPE} line. */
public enum MetricType {
  /** A monotonically increasing count. */
  COUNTER,
  /** A value that goes up and down. */
  GAUGE,
  /**
   * Cumulative {@code _bucket} series with {@code le} labels, plus {@code _sum} and {@code _count}.
   */
  HISTOGRAM,
  /** Quantile series with {@code quantile} labels, plus {@code _sum} and {@code _count}. */
  SUMMARY,
  /** No {@code # TYPE} line, or {@code untyped}. */
  UNTYPED;

  /**
   * The type named on a {@code # TYPE} line; unknown names are {@link #UNTYPED}.
   *
   * @param name e.g. {@code counter}
   * @return the type
   */
  public static MetricType fromName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "counter":
        return COUNTER;
      case "gauge":
        return GAUGE;
      case "histogram":
        return HISTOGRAM;
      case "summary":
        return SUMMARY;
      default:
        return UNTYPED;
    }
  }
}
