package dev.pailot.observability.engine;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One line of a Prometheus text exposition: {@code name{labels} value [timestamp]}. Values may be
 * {@code NaN} or infinite ({@code +Inf}, {@code -Inf}). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class MetricSample {
  /**
   * The sample's name as written, e.g. {@code vllm:e2e_request_latency_seconds_bucket}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The labels, unescaped, in the order written.
   *
   * @return label names to values
   */
  public abstract Map<String, String> labels();

  /**
   * The value.
   *
   * @return the value
   */
  public abstract double value();

  /**
   * The optional timestamp, milliseconds since the epoch.
   *
   * @return the timestamp
   */
  public abstract OptionalLong timestampMillis();

  /**
   * A label's value.
   *
   * @param name the label name
   * @return the value, or {@code null} when the sample has no such label
   */
  public String label(String name) {
    return labels().get(name);
  }

  /**
   * Whether every given label has the given value on this sample.
   *
   * @param match label names to required values; empty matches every sample
   * @return true when all match
   */
  public boolean matches(Map<String, String> match) {
    return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels().get(e.getKey())));
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MetricSample}. Not thread-safe. */
  public static final class Builder extends ImmutableMetricSample.Builder {
    Builder() {}

    /**
     * Builds the sample.
     *
     * @return the sample
     * @throws dev.pailot.core.error.ValidationException naming a missing field
     */
    @Override
    public MetricSample build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("MetricSample", e);
      }
    }
  }
}
