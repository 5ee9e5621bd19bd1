package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One autoscaler strategy: scale out when the average of {@code metricName} exceeds {@code
 * threshold} ({@code qps} per instance, {@code cpu} utilisation %, {@code gpu[util]}).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ScaleStrategy {
  /**
   * {@code metricName}: {@code qps}, {@code cpu}, {@code gpu} or {@code gpu[util]} (EAS answers
   * upper case in Describe; compare ignoring case).
   *
   * @return metric
   */
  public abstract String metricName();

  /**
   * {@code threshold}.
   *
   * @return threshold, positive
   */
  public abstract double threshold();

  /**
   * {@code service}: whose metric (default: the service itself).
   *
   * @return service, if set
   */
  public abstract Optional<String> service();

  /**
   * QPS per instance.
   *
   * @param threshold requests per second per instance
   * @return the strategy
   */
  public static ScaleStrategy qps(double threshold) {
    return builder().metricName("qps").threshold(threshold).build();
  }

  /**
   * CPU utilisation.
   *
   * @param percent utilisation %
   * @return the strategy
   */
  public static ScaleStrategy cpu(double percent) {
    return builder().metricName("cpu").threshold(percent).build();
  }

  /**
   * GPU utilisation.
   *
   * @param percent utilisation %
   * @return the strategy
   */
  public static ScaleStrategy gpuUtil(double percent) {
    return builder().metricName("gpu[util]").threshold(percent).build();
  }

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
    if (metricName().isBlank()) {
      throw ValidationException.invalidField(
          "scaleStrategies[].metricName", "is blank", "use qps, cpu or gpu[util]");
    }
    if (!(threshold() > 0)) {
      throw ValidationException.invalidField(
          "scaleStrategies[].threshold", threshold() + " is not positive", "use e.g. 10");
    }
  }

  /** Builder for {@link ScaleStrategy}. Not thread-safe. */
  public static final class Builder extends ImmutableScaleStrategy.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the strategy
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ScaleStrategy build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("ScaleStrategy", e);
      }
    }
  }
}
