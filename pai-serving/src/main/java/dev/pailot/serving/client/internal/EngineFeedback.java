package dev.pailot.serving.client.internal;

import dev.pailot.observability.engine.EngineMetrics;
import dev.pailot.observability.engine.EngineMetricsPoller;
import dev.pailot.observability.engine.EngineMetricsScraper;
import dev.pailot.serving.client.EngineMetricsSteering;
import dev.pailot.serving.client.internal.admission.AdaptiveAdmission;
import dev.pailot.serving.client.internal.admission.AdmissionController;
import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Engine-aware admission: polls every endpoint's engine {@code /metrics} with pai-observability's
 * {@link EngineMetricsPoller} and, once per interval on the client's timer, tells the adaptive
 * limit whether any engine is saturated (requests waiting, or KV cache above the threshold).
 * Records the meters {@code inference.engine.requests.waiting} (sum over engines), {@code
 * inference.engine.kv.cache.usage} (largest) and {@code inference.engine.saturated} (intervals
 * under pressure). Thread-safe.
 */
final class EngineFeedback implements AutoCloseable {
  private final EngineMetricsSteering options;
  private final AdaptiveAdmission admission;
  private final List<EngineMetricsScraper> scrapers = new ArrayList<>();
  private final List<EngineMetricsPoller> pollers = new ArrayList<>();
  private final ScheduledFuture<?> task;
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final Counter saturated;
  private volatile double waiting = Double.NaN;
  private volatile double kvUsage = Double.NaN;

  private EngineFeedback(
      EngineMetricsSteering options,
      AdaptiveAdmission admission,
      List<PoolEndpoint> endpoints,
      ScheduledExecutorService timer,
      MeterRegistry registry,
      String serviceName) {
    this.options = options;
    this.admission = admission;
    this.registry = registry;
    Duration interval = options.pollInterval();
    for (PoolEndpoint e : endpoints) {
      EngineMetricsScraper.Builder b =
          EngineMetricsScraper.builder()
              .endpoint(e.address().probe(options.metricsPath()).toString())
              .timeout(interval.multipliedBy(2));
      if (e.token() != null) {
        b.token(e.token().secret());
      }
      EngineMetricsScraper scraper = b.build();
      scrapers.add(scraper);
      pollers.add(EngineMetricsPoller.start(scraper, interval));
    }
    Tags tags = Tags.of("service_name", serviceName);
    meters.add(
        Gauge.builder("inference.engine.requests.waiting", this, f -> f.waiting)
            .tags(tags)
            .description("Requests queued inside the engines, summed (last scrape)")
            .register(registry));
    meters.add(
        Gauge.builder("inference.engine.kv.cache.usage", this, f -> f.kvUsage)
            .tags(tags)
            .description("Largest KV-cache usage among the engines, 0 to 1 (last scrape)")
            .register(registry));
    this.saturated =
        Counter.builder("inference.engine.saturated")
            .tags(tags)
            .description("Scrape intervals in which an engine was saturated and the limit cut")
            .register(registry);
    long nanos = interval.toNanos();
    this.task = timer.scheduleWithFixedDelay(this::steer, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Starts polling if steering is asked for (the builder checked the limit is adaptive). */
  static EngineFeedback start(
      ClientSettings s,
      AdmissionController admission,
      List<PoolEndpoint> endpoints,
      ScheduledExecutorService timer) {
    if (s.steering() == null || !(admission instanceof AdaptiveAdmission adaptive)) {
      return null;
    }
    adaptive.steerByEngine();
    return new EngineFeedback(
        s.steering(), adaptive, endpoints, timer, s.registry(), s.serviceName());
  }

  /** One interval: reads the pollers' latest scrapes and steers the limit. */
  private void steer() {
    Instant freshAfter = Instant.now().minus(options.pollInterval().multipliedBy(3));
    double sumWaiting = 0;
    double maxKv = Double.NaN;
    boolean any = false;
    for (EngineMetricsPoller p : pollers) {
      EngineMetrics m = p.latest().orElse(null);
      if (m == null || m.scrapedAt().isBefore(freshAfter)) {
        continue;
      }
      any = true;
      sumWaiting += m.numRequestsWaiting();
      if (m.kvCacheUsage().isPresent()) {
        double kv = m.kvCacheUsage().getAsDouble();
        maxKv = Double.isNaN(maxKv) ? kv : Math.max(maxKv, kv);
      }
    }
    if (!any) {
      waiting = Double.NaN;
      kvUsage = Double.NaN;
      admission.engineFeedback(false, options.shrinkFactor());
      return;
    }
    waiting = sumWaiting;
    kvUsage = maxKv;
    boolean pressure =
        sumWaiting > 0 || (!Double.isNaN(maxKv) && maxKv > options.maxKvCacheUsage());
    if (pressure) {
      saturated.increment();
    }
    admission.engineFeedback(pressure, options.shrinkFactor());
  }

  /** Stops polling and removes the gauges. */
  @Override
  public void close() {
    task.cancel(false);
    pollers.forEach(EngineMetricsPoller::close);
    scrapers.forEach(EngineMetricsScraper::close);
    meters.forEach(registry::remove);
  }
}
