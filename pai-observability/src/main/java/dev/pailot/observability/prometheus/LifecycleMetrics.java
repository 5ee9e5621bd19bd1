package dev.pailot.observability.prometheus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Records the lifecycle events Pailot's alert rules watch: blue-green rollbacks ({@value
 * MetricNames#RELEASE_ROLLBACKS}) and spot preemptions ({@value MetricNames#SPOT_PREEMPTIONS}).
 * Call it from a release's or a spot run's listener:
 *
 * <pre>{@code
 * LifecycleMetrics lifecycle = LifecycleMetrics.on(registry);
 * lifecycle.spotPreemption("llama-sft");
 * lifecycle.releaseRolledBack("qwen_chat", "promql");
 * }</pre>
 *
 * <p>Thread-safe; Micrometer deduplicates the counters per tag set.
 */
public final class LifecycleMetrics {
  private final MeterRegistry registry;

  private LifecycleMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records on a registry.
   *
   * @param registry the registry
   * @return the recorder
   */
  public static LifecycleMetrics on(MeterRegistry registry) {
    return new LifecycleMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Counts a release rolled back by a gate.
   *
   * @param service the EAS service (or group) released
   * @param gate the gate that decided, e.g. {@code promql}, {@code health}, {@code manual}
   */
  public void releaseRolledBack(String service, String gate) {
    Counter.builder("pailot.release.rollbacks")
        .description("Blue-green releases rolled back")
        .tag("service", service)
        .tag("gate", gate)
        .register(registry)
        .increment();
  }

  /**
   * Counts a spot training attempt reclaimed by the cloud.
   *
   * @param job the training job's (or spot run's) name, exported as label {@code job_name}
   *     (Prometheus keeps {@code job} for the scrape job)
   */
  public void spotPreemption(String job) {
    Counter.builder("pailot.spot.preemptions")
        .description("Spot training attempts reclaimed by the cloud")
        .tag("job_name", job)
        .register(registry)
        .increment();
  }
}
