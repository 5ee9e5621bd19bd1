package dev.pailot.observability.prometheus;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Micrometer {@link MeterFilter}s that make Pailot's timers export what its PromQL, alert rules and
 * dashboards need. Register them on the registry before Pailot's clients record anything:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * registry.config().meterFilter(PailotMeterFilters.latencyHistograms());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PailotMeterFilters {
  /**
   * Bucket bounds added to every latency histogram, so {@code histogram_quantile} is exact at the
   * usual thresholds (the blueprint's 1 s p99 among them): 50, 100, 250, 500 ms, 1, 2.5, 5, 10 s.
   */
  public static final List<Duration> DEFAULT_LATENCY_BOUNDS =
      List.of(
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  private static final List<String> PREFIXES = List.of("inference.", "rag.", "pai.");

  private PailotMeterFilters() {}

  /**
   * Percentile histograms ({@code _bucket} series) for every Pailot timer (names starting with
   * {@code inference.}, {@code rag.} or {@code pai.}), with {@link #DEFAULT_LATENCY_BOUNDS} added
   * as buckets. Timers that already publish a histogram keep theirs and gain the bounds.
   *
   * @return the filter
   */
  public static MeterFilter latencyHistograms() {
    return latencyHistograms(DEFAULT_LATENCY_BOUNDS.toArray(Duration[]::new));
  }

  /**
   * Like {@link #latencyHistograms()}, with your own extra bucket bounds (e.g. your SLO).
   *
   * @param bounds bucket upper bounds to add
   * @return the filter
   */
  public static MeterFilter latencyHistograms(Duration... bounds) {
    double[] nanos = Arrays.stream(bounds).mapToDouble(Duration::toNanos).sorted().toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !isPailot(id.getName())) {
          return config;
        }
        double[] own = config.getServiceLevelObjectiveBoundaries();
        double[] slos =
            DoubleStream.concat(
                    Arrays.stream(nanos), own == null ? DoubleStream.empty() : Arrays.stream(own))
                .distinct()
                .sorted()
                .toArray();
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(true)
            .serviceLevelObjectives(slos)
            .build()
            .merge(config);
      }
    };
  }

  private static boolean isPailot(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }
}
