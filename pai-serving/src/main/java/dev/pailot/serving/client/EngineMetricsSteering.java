package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Steers the adaptive concurrency limit by the engines' own {@code /metrics} ({@link
 * InferenceClientBuilder#steerByEngineMetrics(EngineMetricsSteering)}). Every {@link
 * #pollInterval()} the client scrapes each endpoint's engine (vLLM or SGLang names, through the EAS
 * gateway with the endpoint's token). When an engine queues requests ({@code
 * vllm:num_requests_waiting} above 0) or its KV cache is fuller than {@link #maxKvCacheUsage()}
 * ({@code vllm:kv_cache_usage_perc}), the engine is past what it can batch: the limit may not grow,
 * and it shrinks by {@link #shrinkFactor()} per interval while that lasts. With every engine's
 * queue empty and its KV cache below the threshold, the limit follows time to first token alone. An
 * engine whose scrape fails (or is older than three intervals) is left out.
 *
 * <p>Immutable and thread-safe; {@link Builder#build()} throws a {@link ValidationException} naming
 * the invalid field.
 */
@Value.Immutable
@PailotStyle
public abstract class EngineMetricsSteering {
  /**
   * Time between scrapes of each engine. Default 1 s.
   *
   * @return the interval
   */
  @Value.Default
  public Duration pollInterval() {
    return Duration.ofSeconds(1);
  }

  /**
   * KV-cache usage (0 to 1) above which an engine counts as saturated. Default 0.9.
   *
   * @return the threshold
   */
  @Value.Default
  public double maxKvCacheUsage() {
    return 0.9;
  }

  /**
   * Factor the limit is multiplied by for each interval an engine is saturated. Default 0.9.
   *
   * @return a factor in (0, 1)
   */
  @Value.Default
  public double shrinkFactor() {
    return 0.9;
  }

  /**
   * The metrics path below the endpoint (below the parent of a base URL ending in {@code /v1}).
   * Default {@code /metrics}.
   *
   * @return the path
   */
  @Value.Default
  public String metricsPath() {
    return "/metrics";
  }

  /**
   * The defaults.
   *
   * @return default settings
   */
  public static EngineMetricsSteering defaults() {
    return builder().build();
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
    if (pollInterval().isNegative() || pollInterval().isZero()) {
      throw ValidationException.invalidField(
          "pollInterval", pollInterval() + " is not positive", "use e.g. Duration.ofSeconds(1)");
    }
    if (!(maxKvCacheUsage() > 0 && maxKvCacheUsage() <= 1)) {
      throw ValidationException.invalidField(
          "maxKvCacheUsage", maxKvCacheUsage() + " is outside (0, 1]", "use e.g. 0.9");
    }
    if (!(shrinkFactor() > 0 && shrinkFactor() < 1)) {
      throw ValidationException.invalidField(
          "shrinkFactor", shrinkFactor() + " is outside (0, 1)", "use e.g. 0.9");
    }
    if (!metricsPath().startsWith("/") || metricsPath().contains("?")) {
      throw ValidationException.invalidField(
          "metricsPath", "\"" + metricsPath() + "\" is not a path", "use e.g. /metrics");
    }
  }

  /** Builder for {@link EngineMetricsSteering}. Not thread-safe. */
  public static final class Builder extends ImmutableEngineMetricsSteering.Builder {
    Builder() {}
  }
}
