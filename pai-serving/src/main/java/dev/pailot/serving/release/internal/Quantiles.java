package dev.pailot.serving.release.internal;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Quantiles from cumulative histogram buckets, computed as Prometheus' {@code histogram_quantile}
 * does: find the bucket holding the rank and interpolate linearly inside it; a rank beyond the last
 * finite bucket answers that bucket's bound.
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * A quantile.
   *
   * @param q the quantile, 0..1
   * @param cumulative upper bound to the count of observations at or below it
   * @param total all observations, including any above the last bound
   * @return the estimate, in the bounds' unit
   */
  static double fromCumulative(double q, NavigableMap<Double, Long> cumulative, long total) {
    double rank = q * total;
    double lowerBound = 0;
    long lowerCount = 0;
    for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
      if (e.getValue() >= rank) {
        long inBucket = e.getValue() - lowerCount;
        if (inBucket == 0) {
          return e.getKey();
        }
        return lowerBound + (e.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = e.getKey();
      lowerCount = e.getValue();
    }
    return cumulative.isEmpty() ? Double.NaN : cumulative.lastKey();
  }
}
