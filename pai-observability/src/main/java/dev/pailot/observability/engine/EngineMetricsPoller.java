package dev.pailot.observability.engine;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes an engine at a fixed interval on its own daemon thread ({@code pailot-engine-metrics-N}),
 * keeps the latest {@link EngineMetrics} and hands each scrape to a listener. The inference
 * client's admission control and serving's gates read {@link #latest()}.
 *
 * <pre>{@code
 * try (EngineMetricsPoller poller =
 *     EngineMetricsPoller.start(scraper, Duration.ofSeconds(1), m -> log(m.numRequestsWaiting()))) {
 *   poller.latest().ifPresent(m -> ...);
 * }
 * }</pre>
 *
 * <p>Thread-safe. The first scrape starts at once; the next one starts an interval after the
 * previous ended, so a slow engine is never scraped twice at a time. {@link #close()} stops the
 * thread; it does not close the scraper, which the caller owns.
 */
public final class EngineMetricsPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineMetricsPoller.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final EngineMetricsScraper scraper;
  private final EngineMetricsListener listener;
  private final ScheduledExecutorService executor;
  private final AtomicReference<EngineMetrics> latest = new AtomicReference<>();
  private final AtomicReference<PaiException> lastFailure = new AtomicReference<>();

  private EngineMetricsPoller(EngineMetricsScraper scraper, EngineMetricsListener listener) {
    this.scraper = scraper;
    this.listener = listener;
    String name = "pailot-engine-metrics-" + THREADS.incrementAndGet();
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts polling.
   *
   * @param scraper what to scrape; still owned by the caller
   * @param interval pause between the end of one scrape and the start of the next, positive
   * @param listener receives every scrape and failure
   * @return the running poller; close it to stop
   * @throws ValidationException when the interval is not positive
   */
  public static EngineMetricsPoller start(
      EngineMetricsScraper scraper, Duration interval, EngineMetricsListener listener) {
    Objects.requireNonNull(scraper, "scraper");
    Objects.requireNonNull(listener, "listener");
    if (interval == null || interval.isZero() || interval.isNegative()) {
      throw ValidationException.invalidField(
          "interval", interval + " is not positive", "use e.g. Duration.ofSeconds(1)");
    }
    EngineMetricsPoller poller = new EngineMetricsPoller(scraper, listener);
    poller.executor.scheduleWithFixedDelay(
        poller::pollOnce, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    return poller;
  }

  /**
   * Starts polling with no listener; read {@link #latest()}.
   *
   * @param scraper what to scrape; still owned by the caller
   * @param interval pause between scrapes, positive
   * @return the running poller
   */
  public static EngineMetricsPoller start(EngineMetricsScraper scraper, Duration interval) {
    return start(scraper, interval, m -> {});
  }

  /**
   * The most recent successful scrape.
   *
   * @return the metrics; empty until the first scrape succeeds
   */
  public Optional<EngineMetrics> latest() {
    return Optional.ofNullable(latest.get());
  }

  /**
   * The failure of the most recent scrape, if it failed (cleared by the next success).
   *
   * @return the failure
   */
  public Optional<PaiException> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  private void pollOnce() {
    EngineMetrics metrics;
    try {
      metrics = scraper.scrape();
    } catch (PaiException e) {
      lastFailure.set(e);
      LOG.debug("Scraping {} failed: {}", scraper.url(), e.getMessage());
      notify(() -> listener.onFailure(e));
      return;
    } catch (RuntimeException e) {
      PaiException wrapped =
          new PaiException("Scraping " + scraper.url() + " failed unexpectedly", null, e);
      lastFailure.set(wrapped);
      notify(() -> listener.onFailure(wrapped));
      return;
    }
    latest.set(metrics);
    lastFailure.set(null);
    notify(() -> listener.onMetrics(metrics));
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.debug("Engine metrics listener threw; polling continues", e);
    }
  }

  /** Stops the polling thread, interrupting a scrape in progress. Idempotent. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
