package dev.pailot.benchmarks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;

/**
 * Samples the client's {@code inference.concurrency.limit} and {@code inference.requests.in.flight}
 * gauges every 250 ms on a daemon thread, skipping the first {@code skip} (the warm-up): how the
 * adaptive limit moved during the measured window (and, with engine steering, the engine's KV-cache
 * usage as the client scraped it).
 */
final class LimitSampler {
  private final DoubleSummaryStatistics limit = new DoubleSummaryStatistics();
  private final DoubleSummaryStatistics inFlight = new DoubleSummaryStatistics();
  private final DoubleSummaryStatistics kvUsage = new DoubleSummaryStatistics();
  private double first = Double.NaN; // guarded by this
  private double last = Double.NaN; // guarded by this
  private final Thread thread;
  private volatile boolean running = true;

  private LimitSampler(MeterRegistry registry, Duration skip) {
    long from = System.nanoTime() + skip.toNanos();
    thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
                Gauge l = registry.find("inference.concurrency.limit").gauge();
                Gauge f = registry.find("inference.requests.in.flight").gauge();
                if (System.nanoTime() >= from && l != null && f != null) {
                  synchronized (this) {
                    limit.accept(l.value());
                    if (Double.isNaN(first)) {
                      first = l.value();
                    }
                    last = l.value();
                    inFlight.accept(f.value());
                    Gauge kv = registry.find("inference.engine.kv.cache.usage").gauge();
                    if (kv != null && !Double.isNaN(kv.value())) {
                      kvUsage.accept(kv.value());
                    }
                  }
                }
              }
            },
            "bench-limit-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  static LimitSampler start(MeterRegistry registry, Duration skip) {
    return new LimitSampler(registry, skip);
  }

  String stop() throws InterruptedException {
    running = false;
    thread.join();
    synchronized (this) {
      String engine =
          kvUsage.getCount() == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; engine KV-cache usage seen by the client mean %.2f / max %.2f",
                  kvUsage.getAverage(),
                  kvUsage.getMax());
      return String.format(
              Locale.ROOT,
              "limit first %.0f / min %.0f / mean %.1f / max %.0f / last %.0f, in flight mean %.1f (%d samples, 250 ms apart)",
              first,
              limit.getMin(),
              limit.getAverage(),
              limit.getMax(),
              last,
              inFlight.getAverage(),
              limit.getCount())
          + engine;
    }
  }
}
