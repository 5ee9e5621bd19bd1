package dev.pailot.observability.promql;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A successful answer of Prometheus's query API: a vector or matrix of {@link Series}, or a scalar
 * or string, plus the server's warnings. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class QueryResult {
  /**
   * What kind of result this is.
   *
   * @return the type
   */
  public abstract ResultType resultType();

  /**
   * The series of a vector or matrix (empty for scalars and strings, and when nothing matched).
   *
   * @return series
   */
  public abstract List<Series> series();

  /**
   * The value of a scalar result.
   *
   * @return the point, for {@link ResultType#SCALAR}
   */
  public abstract Optional<Point> scalar();

  /**
   * The value of a string result.
   *
   * @return the string, for {@link ResultType#STRING}
   */
  public abstract Optional<String> string();

  /**
   * Warnings the server attached (e.g. a partial answer).
   *
   * @return warnings
   */
  public abstract List<String> warnings();

  /**
   * Whether no series matched (an alert expression such as {@code p99 > 1.0} is empty while the
   * condition is false).
   *
   * @return true for an empty vector or matrix
   */
  public boolean isEmpty() {
    return series().isEmpty() && scalar().isEmpty() && string().isEmpty();
  }

  /**
   * The newest value of the series whose labels include all of {@code match}.
   *
   * @param match required labels; empty matches the first series
   * @return the value, if such a series exists and has a point
   */
  public Optional<Double> value(Map<String, String> match) {
    return series().stream()
        .filter(s -> s.labels().entrySet().containsAll(match.entrySet()))
        .findFirst()
        .flatMap(Series::lastValue);
  }

  /**
   * The scalar's value, or the newest value of the first series.
   *
   * @return the value, if there is one
   */
  public Optional<Double> firstValue() {
    return scalar().map(Point::value).or(() -> value(Map.of()));
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link QueryResult}. Not thread-safe. */
  public static final class Builder extends ImmutableQueryResult.Builder {
    Builder() {}
  }
}
