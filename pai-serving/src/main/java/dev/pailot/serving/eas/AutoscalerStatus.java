package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A service's autoscaler as {@code DescribeServiceAutoScaler} reports it: its settings and the
 * current value of each metric.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class AutoscalerStatus {
  /**
   * The settings ({@code MinReplica}, {@code MaxReplica}, {@code ScaleStrategies}, {@code
   * Behavior}); metric names as EAS reports them (e.g. {@code QPS}).
   *
   * @return settings
   */
  public abstract AutoscalerSpec spec();

  /**
   * {@code CurrentMetrics}: metric name to current value.
   *
   * @return metrics
   */
  public abstract Map<String, Double> currentMetrics();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AutoscalerStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableAutoscalerStatus.Builder {
    Builder() {}
  }
}
