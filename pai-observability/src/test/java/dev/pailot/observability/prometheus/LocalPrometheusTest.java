package dev.pailot.observability.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.observability.alerts.AlertSpec;
import dev.pailot.observability.alerts.PailotAlerts;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.observability.promql.QueryResult;
import dev.pailot.observability.promql.RangeQuery;
import dev.pailot.observability.testing.Await;
import dev.pailot.observability.testing.Promtool;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's binary) scrapes a {@link MetricsEndpoint}; the blueprint's p99 query
 * runs through {@link PromQlClient}, and the generated latency alert fires only once latency
 * crosses the budget. The recorded timer is registered as pai-serving's client registers it; the
 * examples module repeats this with the real inference client against LocalPai.
 */
class LocalPrometheusTest {
  private static final String P99 = PailotAlerts.latencyQuantile(0.99, Duration.ofMinutes(5));
  private static final String FIRING =
      "ALERTS{alertname=\"" + PailotAlerts.LATENCY + "\",alertstate=\"firing\"}";
  private static final String ANY_STATE = "ALERTS{alertname=\"" + PailotAlerts.LATENCY + "\"}";

  @TempDir Path dir;

  @Test
  void scrapesTheEndpointAndTheLatencyAlertFiresOnlyAfterTheCrossing() throws Exception {
    Promtool.binary(); // fails with the install command when Prometheus is missing
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(PailotMeterFilters.latencyHistograms());
    Timer timer =
        Timer.builder("inference.request.duration")
            .tags("service_name", "chat", "operation", "chat", "outcome", "success")
            .publishPercentileHistogram()
            .register(registry);
    Path rules = dir.resolve("rules.yml");
    Files.writeString(
        rules,
        PailotAlerts.rules(AlertSpec.builder().pendingFor(Duration.ofSeconds(2)).build()).toYaml());

    try (MetricsEndpoint endpoint =
            MetricsEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0));
        LocalPrometheus prometheus =
            LocalPrometheus.builder().scrapeTarget(endpoint.url()).ruleFile(rules).start();
        PromQlClient promql = PromQlClient.builder().baseUrl(prometheus.url().toString()).build()) {
      // Fast phase: 200 ms answers until Prometheus has a p99 for them.
      Await.until(
          () -> {
            timer.record(Duration.ofMillis(200));
            return promql.query(P99).value(Map.of("service_name", "chat")).isPresent();
          },
          "a p99 from Prometheus");
      double fastP99 = promql.query(P99).value(Map.of("service_name", "chat")).orElseThrow();
      assertThat(fastP99).isLessThan(1.0);
      Instant crossing = Instant.now();

      // Slow phase: 1.5 s answers; the alert must fire.
      Await.until(
          () -> {
            timer.record(Duration.ofMillis(1500));
            return !promql.query(FIRING).isEmpty();
          },
          "the latency alert firing");

      assertThat(promql.query(P99 + " > 1.0").value(Map.of("service_name", "chat")).orElseThrow())
          .isGreaterThan(1.0);
      QueryResult before =
          promql.queryRange(
              RangeQuery.builder()
                  .query(ANY_STATE)
                  .start(crossing.minusSeconds(60))
                  .end(crossing)
                  .step(Duration.ofSeconds(1))
                  .build());
      assertThat(before.isEmpty()).as("no alert, not even pending, before the crossing").isTrue();
    }
  }
}
