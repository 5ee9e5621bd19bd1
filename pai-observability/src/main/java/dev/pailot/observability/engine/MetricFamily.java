package dev.pailot.observability.engine;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The samples of one metric, with its {@code # HELP} and {@code # TYPE}. A histogram family named
 * {@code x} holds the {@code x_bucket}, {@code x_sum} and {@code x_count} samples. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class MetricFamily {
  /**
   * The family's name, e.g. {@code vllm:num_requests_running}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The type; {@link MetricType#UNTYPED} without a {@code # TYPE} line.
   *
   * @return the type
   */
  @Value.Default
  public MetricType type() {
    return MetricType.UNTYPED;
  }

  /**
   * The help text, unescaped.
   *
   * @return the help
   */
  public abstract Optional<String> help();

  /**
   * The family's samples in exposition order.
   *
   * @return samples
   */
  public abstract List<MetricSample> samples();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MetricFamily}. Not thread-safe. */
  public static final class Builder extends ImmutableMetricFamily.Builder {
    Builder() {}

    /**
     * Builds the family.
     *
     * @return the family
     * @throws dev.pailot.core.error.ValidationException naming a missing field
     */
    @Override
    public MetricFamily build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("MetricFamily", e);
      }
    }
  }
}
