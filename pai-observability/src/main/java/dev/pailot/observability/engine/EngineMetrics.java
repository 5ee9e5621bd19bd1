package dev.pailot.observability.engine;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One scrape of an inference engine's {@code /metrics}, read under vLLM's names (with SGLang's as a
 * fallback), summed over the {@code model_name}s the engine serves:
 *
 * <ul>
 *   <li>{@link #numRequestsRunning()}: {@code vllm:num_requests_running} ({@code
 *       sglang:num_running_reqs});
 *   <li>{@link #numRequestsWaiting()}: {@code vllm:num_requests_waiting} ({@code
 *       sglang:num_queue_reqs});
 *   <li>{@link #kvCacheUsage()}: {@code vllm:kv_cache_usage_perc}, else the pre-V1 {@code
 *       vllm:gpu_cache_usage_perc} ({@code sglang:token_usage}), a fraction where 1 is full.
 * </ul>
 *
 * <p>Every other sample is in {@link #exposition()}. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class EngineMetrics {
  static final List<String> RUNNING =
      List.of("vllm:num_requests_running", "sglang:num_running_reqs");
  static final List<String> WAITING = List.of("vllm:num_requests_waiting", "sglang:num_queue_reqs");
  static final List<String> KV_USAGE =
      List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "sglang:token_usage");

  /**
   * Requests in the engine's running batch; 0 when the engine exports no such gauge.
   *
   * @return the count
   */
  public abstract double numRequestsRunning();

  /**
   * Requests queued inside the engine; 0 when the engine exports no such gauge.
   *
   * @return the count
   */
  public abstract double numRequestsWaiting();

  /**
   * KV-cache usage, 0 to 1 (the largest over the served models).
   *
   * @return the fraction; empty when the engine exports no KV-cache gauge
   */
  public abstract OptionalDouble kvCacheUsage();

  /**
   * When the scrape finished.
   *
   * @return the instant
   */
  public abstract Instant scrapedAt();

  /**
   * Every family and sample of the scrape.
   *
   * @return the parsed exposition
   */
  public abstract Exposition exposition();

  /**
   * vLLM's time-to-first-token histogram ({@code vllm:time_to_first_token_seconds}), over all
   * models.
   *
   * @return the histogram, if the engine exports it
   */
  public Optional<HistogramSnapshot> timeToFirstToken() {
    return exposition().histogram("vllm:time_to_first_token_seconds", Map.of());
  }

  /**
   * Reads the well-known gauges from an exposition.
   *
   * @param exposition a parsed scrape
   * @param scrapedAt when it was taken
   * @return the metrics
   */
  public static EngineMetrics from(Exposition exposition, Instant scrapedAt) {
    Builder b =
        builder()
            .numRequestsRunning(first(exposition, RUNNING, false).orElse(0))
            .numRequestsWaiting(first(exposition, WAITING, false).orElse(0))
            .scrapedAt(scrapedAt)
            .exposition(exposition);
    first(exposition, KV_USAGE, true).ifPresent(b::kvCacheUsage);
    return b.build();
  }

  private static OptionalDouble first(Exposition e, List<String> names, boolean max) {
    for (String name : names) {
      OptionalDouble v = max ? e.max(name) : e.sum(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EngineMetrics}. Not thread-safe. */
  public static final class Builder extends ImmutableEngineMetrics.Builder {
    Builder() {}

    /**
     * Builds the metrics.
     *
     * @return the metrics
     * @throws dev.pailot.core.error.ValidationException naming a missing field
     */
    @Override
    public EngineMetrics build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("EngineMetrics", e);
      }
    }
  }
}
