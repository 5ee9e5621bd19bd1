package dev.pailot.serving.release.internal;

import dev.pailot.serving.release.shadow.SideStats;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and failures of one side's probes, on a private Micrometer timer with client-side p50 and
 * p99 that do not expire during a window. Thread-safe.
 */
final class ProbeStats {
  private final String service;
  private final Timer latency;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  ProbeStats(String service) {
    this.service = service;
    this.latency =
        Timer.builder("pailot.shadow.probe")
            .publishPercentiles(0.5, 0.99)
            .percentilePrecision(2)
            .distributionStatisticExpiry(Duration.ofDays(1))
            .distributionStatisticBufferLength(1)
            .register(new SimpleMeterRegistry());
  }

  void success(Duration d) {
    requests.incrementAndGet();
    latency.record(d);
  }

  void failure() {
    requests.incrementAndGet();
    failed.incrementAndGet();
  }

  SideStats stats() {
    HistogramSnapshot s = latency.takeSnapshot();
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    if (s.count() > 0) {
      for (ValueAtPercentile v : s.percentileValues()) {
        if (v.percentile() == 0.5) {
          p50 = v.value(TimeUnit.SECONDS);
        } else if (v.percentile() == 0.99) {
          p99 = v.value(TimeUnit.SECONDS);
        }
      }
    }
    return SideStats.builder()
        .service(service)
        .requests(requests.get())
        .failed(failed.get())
        .p50Seconds(p50)
        .p99Seconds(p99)
        .build();
  }
}
