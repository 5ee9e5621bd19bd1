package dev.pailot.observability.promql;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.time.Duration;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A {@code /api/v1/query_range} request: an expression evaluated every {@code step} from {@code
 * start} to {@code end}.
 *
 * <pre>{@code
 * RangeQuery q = RangeQuery.builder()
 *     .query("sum(rate(inference_request_duration_seconds_count[1m]))")
 *     .start(now.minus(Duration.ofMinutes(10))).end(now).step(Duration.ofSeconds(15))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RangeQuery {
  /**
   * The PromQL expression.
   *
   * @return the expression
   */
  public abstract String query();

  /**
   * The first evaluation time.
   *
   * @return start
   */
  public abstract Instant start();

  /**
   * The last evaluation time (inclusive).
   *
   * @return end
   */
  public abstract Instant end();

  /**
   * The resolution.
   *
   * @return a positive step
   */
  public abstract Duration step();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (query().isBlank()) {
      throw ValidationException.invalidField("query", "is blank", "pass a PromQL expression");
    }
    if (end().isBefore(start())) {
      throw ValidationException.invalidField("end", "is before start", "swap start and end");
    }
    if (step().isZero() || step().isNegative()) {
      throw ValidationException.invalidField("step", step() + " is not positive", "use e.g. 15s");
    }
    if (Duration.between(start(), end()).dividedBy(step()) > 11_000) {
      throw ValidationException.invalidField(
          "step", "gives more than 11,000 points (Prometheus's limit)", "use a larger step");
    }
  }

  /** Builder for {@link RangeQuery}. Not thread-safe. */
  public static final class Builder extends ImmutableRangeQuery.Builder {
    Builder() {}

    /**
     * Validates and builds the query. No request is sent.
     *
     * @return the query
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public RangeQuery build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("RangeQuery", e);
      }
    }
  }
}
