package dev.pailot.serving.release.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Windows over the inference client's Micrometer meters for one {@code service_name}: request
 * counts per outcome and latency histograms, read at a window's start and end and subtracted.
 * Counts are exact. Quantiles come from histogram bucket deltas, interpolated within a bucket as
 * Prometheus' {@code histogram_quantile} does; they need a registry whose histograms accumulate
 * (Prometheus' does; {@code SimpleMeterRegistry} rolls its buckets over every two minutes), and a
 * window where they did not is reported as not measurable. Immutable snapshots; thread-safe.
 */
public final class MeterWindow {
  /** The client's request timer ({@code inference_request_duration_seconds}). */
  public static final String REQUEST_DURATION = "inference.request.duration";

  /** The client's time-to-first-token timer. */
  public static final String TIME_TO_FIRST_TOKEN = "inference.time.to.first.token";

  /** Outcomes counted as failed requests; {@code cancelled} is the caller's choice, not a fault. */
  static final Set<String> FAILED = Set.of("error", "timeout", "throttled", "unavailable");

  private MeterWindow() {}

  /**
   * Cumulative readings at one instant.
   *
   * @param outcomes request count per outcome
   * @param latency success latency histogram: upper bound in seconds to cumulative count
   * @param latencyCount observations in the latency histogram
   * @param ttft time-to-first-token histogram
   * @param ttftCount observations in the TTFT histogram
   */
  public record Reading(
      Map<String, Long> outcomes,
      TreeMap<Double, Long> latency,
      long latencyCount,
      TreeMap<Double, Long> ttft,
      long ttftCount) {}

  /**
   * What happened between two readings.
   *
   * @param requests finished requests (cancelled ones excluded)
   * @param failed failed requests
   * @param p99Seconds p99 latency of successful requests, empty if not measurable
   * @param ttftP99Seconds p99 time to first token, empty if not measurable
   * @param note why a quantile is missing, empty otherwise
   */
  public record Stats(
      long requests,
      long failed,
      Optional<Double> p99Seconds,
      Optional<Double> ttftP99Seconds,
      String note) {
    /**
     * Failed divided by finished, 0 without requests.
     *
     * @return error rate
     */
    public double errorRate() {
      return requests == 0 ? 0 : failed / (double) requests;
    }
  }

  /**
   * Reads the meters of one service now.
   *
   * @param registry the registry the inference client records to
   * @param serviceName the {@code service_name} tag
   * @return the reading
   */
  public static Reading read(MeterRegistry registry, String serviceName) {
    Map<String, Long> outcomes = new HashMap<>();
    TreeMap<Double, Long> latency = new TreeMap<>();
    long latencyCount = 0;
    for (Timer t : registry.find(REQUEST_DURATION).tag("service_name", serviceName).timers()) {
      String outcome = Optional.ofNullable(t.getId().getTag("outcome")).orElse("success");
      // One snapshot per timer: its count and its buckets, read apart, could straddle a request.
      HistogramSnapshot snapshot = t.takeSnapshot();
      outcomes.merge(outcome, snapshot.count(), Long::sum);
      if (outcome.equals("success")) {
        latencyCount += add(snapshot, latency);
      }
    }
    TreeMap<Double, Long> ttft = new TreeMap<>();
    long ttftCount = 0;
    for (Timer t : registry.find(TIME_TO_FIRST_TOKEN).tag("service_name", serviceName).timers()) {
      ttftCount += add(t.takeSnapshot(), ttft);
    }
    return new Reading(outcomes, latency, latencyCount, ttft, ttftCount);
  }

  private static long add(HistogramSnapshot s, TreeMap<Double, Long> into) {
    for (CountAtBucket b : s.histogramCounts()) {
      into.merge(b.bucket(TimeUnit.SECONDS), (long) b.count(), Long::sum);
    }
    return s.count();
  }

  /**
   * The statistics of the window between two readings.
   *
   * @param start reading at the window's start
   * @param end reading at its end
   * @return the statistics
   */
  public static Stats between(Reading start, Reading end) {
    long requests = 0;
    long failed = 0;
    for (Map.Entry<String, Long> e : end.outcomes().entrySet()) {
      if (e.getKey().equals("cancelled")) {
        continue;
      }
      long n = e.getValue() - start.outcomes().getOrDefault(e.getKey(), 0L);
      requests += n;
      if (FAILED.contains(e.getKey())) {
        failed += n;
      }
    }
    StringBuilder note = new StringBuilder();
    Optional<Double> p99 =
        quantile(
            0.99,
            start.latency(),
            end.latency(),
            end.latencyCount() - start.latencyCount(),
            "latency",
            note);
    Optional<Double> ttft =
        quantile(0.99, start.ttft(), end.ttft(), end.ttftCount() - start.ttftCount(), "ttft", note);
    return new Stats(requests, failed, p99, ttft, note.toString());
  }

  private static Optional<Double> quantile(
      double q,
      TreeMap<Double, Long> start,
      TreeMap<Double, Long> end,
      long histogramDelta,
      String what,
      StringBuilder note) {
    if (histogramDelta <= 0) {
      append(note, "no " + what + " observations in the window");
      return Optional.empty();
    }
    TreeMap<Double, Long> delta = new TreeMap<>();
    for (Map.Entry<Double, Long> e : end.entrySet()) {
      long d = e.getValue() - start.getOrDefault(e.getKey(), 0L);
      if (d < 0) {
        append(note, what + " histogram rolled over during the window (use a cumulative registry)");
        return Optional.empty();
      }
      delta.put(e.getKey(), d);
    }
    long inBuckets = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
    // A snapshot reads its count and its buckets one after the other: allow a request or two.
    if (histogramDelta - inBuckets > Math.max(2, histogramDelta / 100)) {
      append(
          note,
          what
              + " histogram holds "
              + inBuckets
              + " of the window's "
              + histogramDelta
              + " observations (its buckets rolled over, or values exceeded its largest bucket;"
              + " use a cumulative registry)");
      return Optional.empty();
    }
    return Optional.of(Quantiles.fromCumulative(q, delta, histogramDelta));
  }

  private static void append(StringBuilder b, String s) {
    if (b.length() > 0) {
      b.append("; ");
    }
    b.append(s);
  }
}
