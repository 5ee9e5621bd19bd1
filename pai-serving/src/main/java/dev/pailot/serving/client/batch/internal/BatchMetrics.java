package dev.pailot.serving.client.batch.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A batcher's meters, tagged {@code service_name} and {@code operation}: {@code
 * inference.batch.size} (items per batch), {@code inference.batch.wait} (time from submission to
 * the batch leaving, per item), {@code inference.batch.splits} (halvings after HTTP 413) and {@code
 * inference.batch.rejected} (with {@code reason}). Thread-safe.
 */
public final class BatchMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final DistributionSummary size;
  private final Timer wait;
  private final Counter splits;

  /**
   * Registers the meters.
   *
   * @param registry the registry
   * @param serviceName the {@code service_name} tag
   * @param operation the {@code operation} tag, e.g. {@code embeddings}
   */
  public BatchMetrics(MeterRegistry registry, String serviceName, String operation) {
    this.registry = registry;
    this.tags = Tags.of("service_name", serviceName, "operation", operation);
    this.size =
        DistributionSummary.builder("inference.batch.size")
            .description("Items per batched call")
            .baseUnit("items")
            .tags(tags)
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(4096.0)
            .register(registry);
    this.wait =
        Timer.builder("inference.batch.wait")
            .description("Time an item waited in the batcher before its batch left")
            .tags(tags)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    this.splits =
        Counter.builder("inference.batch.splits")
            .description("Batches split in halves after HTTP 413")
            .tags(tags)
            .register(registry);
  }

  /** Records a batch leaving: its size, and each member's wait. */
  <E, R> void batch(Batch<E, R> f, long nowNanos) {
    size.record(f.items);
    for (BatchMember<E, R> e : f.members) {
      wait.record(nowNanos - e.enqueued, TimeUnit.NANOSECONDS);
    }
  }

  void split() {
    splits.increment();
  }

  void rejected(String reason) {
    Counter.builder("inference.batch.rejected")
        .description("Items the batcher refused")
        .tags(tags)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
