package dev.pailot.observability.engine;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.util.Map;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A Prometheus histogram read from an exposition: cumulative bucket counts by upper bound ({@code
 * le}, the last one {@code +Inf}), sum and count. Several label sets (e.g. one per {@code
 * model_name}) are added bucket by bucket, as {@code sum by (le)} does. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class HistogramSnapshot {
  /**
   * Cumulative counts by upper bound, ascending; the last bound is {@code +Inf}.
   *
   * @return upper bound to the number of observations at or below it
   */
  @Value.NaturalOrder
  public abstract SortedMap<Double, Double> buckets();

  /**
   * Sum of all observations ({@code _sum}).
   *
   * @return the sum
   */
  public abstract double sum();

  /**
   * Number of observations ({@code _count}).
   *
   * @return the count
   */
  public abstract double count();

  /**
   * The q-quantile estimated as PromQL's {@code histogram_quantile} does: linear interpolation
   * inside the bucket the rank falls in, the upper bound of the last finite bucket when it falls in
   * {@code +Inf}.
   *
   * @param q the quantile, in [0, 1]
   * @return the estimate; {@code NaN} when there are no observations or no buckets
   * @throws ValidationException when q is outside [0, 1]
   */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw ValidationException.invalidField("q", q + " is outside [0, 1]", "use e.g. 0.99");
    }
    if (buckets().isEmpty()) {
      return Double.NaN;
    }
    double total = buckets().get(buckets().lastKey());
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    Double lastFinite = null;
    for (Map.Entry<Double, Double> b : buckets().entrySet()) {
      double upper = b.getKey();
      if (b.getValue() >= rank) {
        if (Double.isInfinite(upper)) {
          return lastFinite == null ? Double.NaN : lastFinite;
        }
        if (lastFinite == null && upper <= 0) {
          return upper;
        }
        double inBucket = b.getValue() - below;
        return inBucket <= 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket;
      }
      lower = upper;
      below = b.getValue();
      lastFinite = upper;
    }
    return lastFinite == null ? Double.NaN : lastFinite;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link HistogramSnapshot}. Not thread-safe. */
  public static final class Builder extends ImmutableHistogramSnapshot.Builder {
    Builder() {}

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws ValidationException naming a missing field
     */
    @Override
    public HistogramSnapshot build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("HistogramSnapshot", e);
      }
    }
  }
}
