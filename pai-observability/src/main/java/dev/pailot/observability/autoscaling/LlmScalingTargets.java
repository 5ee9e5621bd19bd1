package dev.pailot.observability.autoscaling;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What an LLM service should scale on, in the engine's terms: how many sequences one replica can
 * run at once (from {@code KvCacheEstimate.concurrentSequences(contextLength)} or {@code
 * --max-num-seqs}, whichever is lower), how long a request takes, and the KV-cache usage to hold.
 * {@link EasAutoscaling#plan(LlmScalingTargets)} turns it into EAS autoscaler settings.
 *
 * <pre>{@code
 * LlmScalingTargets targets = LlmScalingTargets.builder()
 *     .minReplicas(1).maxReplicas(8)
 *     .concurrentSequencesPerReplica(96)
 *     .meanRequestDuration(Duration.ofSeconds(4))
 *     .targetKvCacheUsage(0.75)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LlmScalingTargets {
  /**
   * Fewest replicas.
   *
   * @return at least 0
   */
  @Value.Default
  public int minReplicas() {
    return 1;
  }

  /**
   * Most replicas.
   *
   * @return more than {@link #minReplicas()}
   */
  public abstract int maxReplicas();

  /**
   * Sequences one replica runs at once at your context length (its KV-cache capacity).
   *
   * @return a positive count
   */
  public abstract int concurrentSequencesPerReplica();

  /**
   * Mean time a request spends in the engine (prefill plus decode), e.g. the observed p50 of {@code
   * inference_request_duration_seconds}.
   *
   * @return a positive duration
   */
  public abstract Duration meanRequestDuration();

  /**
   * KV-cache usage to scale out at; 0.8 by default.
   *
   * @return a fraction in (0, 1]
   */
  @Value.Default
  public double targetKvCacheUsage() {
    return 0.8;
  }

  /**
   * Requests allowed to wait in each replica's engine queue; 0 by default. EAS cannot scale on it;
   * see {@link EasAutoscalerPlan#notes()}.
   *
   * @return at least 0
   */
  @Value.Default
  public double targetWaitingPerReplica() {
    return 0;
  }

  /**
   * How long load must stay low before scaling in; 300 s by default (EAS's default).
   *
   * @return the window
   */
  @Value.Default
  public Duration scaleDownStabilization() {
    return Duration.ofSeconds(300);
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
    if (minReplicas() < 0 || maxReplicas() <= minReplicas()) {
      throw ValidationException.invalidField(
          "maxReplicas",
          "min " + minReplicas() + " / max " + maxReplicas() + " is not 0 <= min < max",
          "EAS needs max greater than min");
    }
    if (concurrentSequencesPerReplica() < 1) {
      throw ValidationException.invalidField(
          "concurrentSequencesPerReplica",
          "is below 1",
          "use KvCacheEstimate.concurrentSequences(contextLength), at least 1");
    }
    if (meanRequestDuration().isZero() || meanRequestDuration().isNegative()) {
      throw ValidationException.invalidField(
          "meanRequestDuration", "is not positive", "use the observed p50 request latency");
    }
    if (!(targetKvCacheUsage() > 0 && targetKvCacheUsage() <= 1)) {
      throw ValidationException.invalidField(
          "targetKvCacheUsage", targetKvCacheUsage() + " is outside (0, 1]", "use e.g. 0.8");
    }
    if (targetWaitingPerReplica() < 0 || scaleDownStabilization().isNegative()) {
      throw ValidationException.invalidField(
          targetWaitingPerReplica() < 0 ? "targetWaitingPerReplica" : "scaleDownStabilization",
          "is negative",
          "use zero or more");
    }
  }

  /** Builder for {@link LlmScalingTargets}. Not thread-safe. */
  public static final class Builder extends ImmutableLlmScalingTargets.Builder {
    Builder() {}

    /**
     * Validates and builds the targets.
     *
     * @return the targets
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public LlmScalingTargets build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("LlmScalingTargets", e);
      }
    }
  }
}
