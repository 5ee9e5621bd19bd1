package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An EAS autoscaler (PAI_API.md §3.6): replica bounds, strategies and behaviours. The same shape is
 * sent to {@code CreateServiceAutoScaler} and kept inline in a spec's {@code autoscaler} section.
 * Unknown keys stay in {@link #extra()}.
 *
 * <pre>{@code
 * AutoscalerSpec a = AutoscalerSpec.builder().min(2).max(10)
 *     .addStrategies(ScaleStrategy.qps(20))
 *     .scaleDownStabilization(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class AutoscalerSpec {
  /**
   * {@code min}: fewest replicas (0 allows scale to zero).
   *
   * @return min
   */
  public abstract int min();

  /**
   * {@code max}: most replicas, greater than {@code min}.
   *
   * @return max
   */
  public abstract int max();

  /**
   * {@code scaleStrategies}, at least one.
   *
   * @return strategies
   */
  public abstract List<ScaleStrategy> strategies();

  /**
   * {@code behavior.scaleUp.stabilizationWindowSeconds} (EAS default 0).
   *
   * @return window, if set
   */
  public abstract Optional<Duration> scaleUpStabilization();

  /**
   * {@code behavior.scaleDown.stabilizationWindowSeconds} (EAS default 300 s).
   *
   * @return window, if set
   */
  public abstract Optional<Duration> scaleDownStabilization();

  /**
   * {@code behavior.onZero.scaleDownGracePeriodSeconds}: no-traffic time before scaling to zero
   * (EAS default 600 s).
   *
   * @return grace period, if set
   */
  public abstract Optional<Duration> scaleToZeroGracePeriod();

  /**
   * {@code behavior.onZero.scaleUpActivationReplicas} (EAS default 1).
   *
   * @return replicas, if set
   */
  public abstract Optional<Integer> scaleUpActivationReplicas();

  /**
   * Every other key. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    SpecRules.range("autoscaler.min", min(), 0, 1000);
    SpecRules.range("autoscaler.max", max(), 1, 1000);
    if (max() <= min()) {
      throw ValidationException.invalidField(
          "autoscaler.max", max() + " is not greater than min " + min(), "raise max above min");
    }
    if (strategies().isEmpty()) {
      throw ValidationException.invalidField(
          "autoscaler.scaleStrategies", "is empty", "add e.g. ScaleStrategy.qps(10)");
    }
    SpecRules.range("autoscaler.scaleUpActivationReplicas", scaleUpActivationReplicas(), 1, 1000);
  }

  /** Builder for {@link AutoscalerSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableAutoscalerSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the autoscaler
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public AutoscalerSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("AutoscalerSpec", e);
      }
    }
  }
}
