package dev.pailot.observability.autoscaling;

import dev.pailot.core.internal.PailotStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * EAS autoscaler settings derived from LLM targets ({@link
 * EasAutoscaling#plan(LlmScalingTargets)}): a per-replica QPS threshold, with notes on what EAS
 * could not express. {@link #toEasSettings()} is the body of EAS's {@code CreateServiceAutoScaler}
 * / {@code UpdateServiceAutoScaler}. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class EasAutoscalerPlan {
  /**
   * The targets it was derived from.
   *
   * @return targets
   */
  public abstract LlmScalingTargets targets();

  /**
   * Concurrent sequences per replica the threshold aims for.
   *
   * @return sequences
   */
  public abstract double targetConcurrencyPerReplica();

  /**
   * Requests per second per replica at which EAS scales out ({@code metricName: qps}).
   *
   * @return the threshold
   */
  public abstract double qpsThreshold();

  /**
   * What the settings approximate or leave out, for logs and reviews.
   *
   * @return notes
   */
  public abstract List<String> notes();

  /**
   * The EAS autoscaler body: {@code min}, {@code max}, {@code scaleStrategies} (one {@code qps}
   * strategy) and {@code behavior} (scale-up window 0 s, scale-down window from the targets).
   *
   * @return plain maps and lists, ready for Jackson
   */
  public Map<String, Object> toEasSettings() {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("metricName", "qps");
    strategy.put("threshold", qpsThreshold());
    Map<String, Object> behavior = new LinkedHashMap<>();
    behavior.put("scaleUp", Map.of("stabilizationWindowSeconds", 0));
    behavior.put(
        "scaleDown",
        Map.of("stabilizationWindowSeconds", targets().scaleDownStabilization().toSeconds()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("min", targets().minReplicas());
    body.put("max", targets().maxReplicas());
    body.put("scaleStrategies", List.of(strategy));
    body.put("behavior", behavior);
    return body;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EasAutoscalerPlan}. Not thread-safe. */
  public static final class Builder extends ImmutableEasAutoscalerPlan.Builder {
    Builder() {}
  }
}
