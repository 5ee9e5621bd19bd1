package dev.pailot.observability.promql;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One series of a query answer: its labels (with {@code __name__} when the query kept it) and its
 * points, one for an instant query, many for a range query. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Series {
  /**
   * The series' labels.
   *
   * @return label names to values
   */
  public abstract Map<String, String> labels();

  /**
   * The points, oldest first.
   *
   * @return points
   */
  public abstract List<Point> points();

  /**
   * The newest point's value.
   *
   * @return the value, or empty when the series has no point
   */
  public Optional<Double> lastValue() {
    return points().isEmpty()
        ? Optional.empty()
        : Optional.of(points().get(points().size() - 1).value());
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Series}. Not thread-safe. */
  public static final class Builder extends ImmutableSeries.Builder {
    Builder() {}
  }
}
