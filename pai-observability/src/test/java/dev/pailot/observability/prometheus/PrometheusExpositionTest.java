package dev.pailot.observability.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.observability.engine.EngineMetricsScraper;
import dev.pailot.observability.engine.Exposition;
import dev.pailot.observability.engine.HistogramSnapshot;
import dev.pailot.observability.engine.PrometheusText;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {
  /** The client's request timer, registered as pai-serving's InferenceMetrics registers it. */
  private static Timer requestTimer(PrometheusMeterRegistry registry, String service) {
    return Timer.builder("inference.request.duration")
        .tags(Tags.of("service_name", service, "operation", "chat", "outcome", "success"))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
  }

  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(PailotMeterFilters.latencyHistograms());
    return registry;
  }

  @Test
  void requestDurationExportsTheBlueprintsBucketSeries() {
    PrometheusMeterRegistry registry = registry();
    Timer timer = requestTimer(registry, "qwen_chat");
    for (int i = 0; i < 98; i++) {
      timer.record(Duration.ofMillis(200));
    }
    timer.record(Duration.ofMillis(1500));
    timer.record(Duration.ofMillis(1500));

    Exposition e = PrometheusText.parse(registry.scrape());

    assertThat(e.samples(MetricNames.REQUEST_DURATION + "_bucket"))
        .isNotEmpty()
        .allMatch(s -> "qwen_chat".equals(s.label(MetricNames.SERVICE_NAME)))
        .anyMatch(s -> "1.0".equals(s.label("le")) && s.value() == 98)
        .anyMatch(s -> "+Inf".equals(s.label("le")) && s.value() == 100);
    assertThat(e.sum(MetricNames.REQUEST_DURATION + "_count")).hasValue(100);
    HistogramSnapshot h =
        e.histogram(MetricNames.REQUEST_DURATION, Map.of("service_name", "qwen_chat"))
            .orElseThrow();
    // What histogram_quantile(0.99, ...) computes from these buckets: above the 1 s threshold.
    assertThat(h.quantile(0.99)).isGreaterThan(1.0).isLessThanOrEqualTo(2.5);
    assertThat(h.quantile(0.5)).isLessThan(0.25);
  }

  @Test
  void timersWithoutHistogramsGainBucketsOnlyWithTheFilter() {
    PrometheusMeterRegistry plain = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusMeterRegistry filtered = registry();
    for (PrometheusMeterRegistry r : new PrometheusMeterRegistry[] {plain, filtered}) {
      Timer.builder("pai.control.plane.calls")
          .tag("product", "pai-dlc")
          .register(r)
          .record(Duration.ofMillis(30));
      Timer.builder("app.other").register(r).record(Duration.ofMillis(30));
    }

    assertThat(
            PrometheusText.parse(plain.scrape()).samples("pai_control_plane_calls_seconds_bucket"))
        .isEmpty();
    Exposition e = PrometheusText.parse(filtered.scrape());
    assertThat(e.samples("pai_control_plane_calls_seconds_bucket"))
        .anyMatch(s -> "0.05".equals(s.label("le")) && s.value() == 1);
    assertThat(e.samples("app_other_seconds_bucket")).isEmpty();
  }

  @Test
  void endpointServesTheRegistryOnMetrics() {
    PrometheusMeterRegistry registry = registry();
    requestTimer(registry, "chat").record(Duration.ofMillis(5));
    LifecycleMetrics lifecycle = LifecycleMetrics.on(registry);
    lifecycle.releaseRolledBack("chat", "promql");
    lifecycle.spotPreemption("sft");
    lifecycle.spotPreemption("sft");

    try (MetricsEndpoint endpoint =
            MetricsEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0));
        EngineMetricsScraper scraper =
            EngineMetricsScraper.builder().endpoint(endpoint.url().toString()).build();
        EngineMetricsScraper wrongPath =
            EngineMetricsScraper.builder()
                .endpoint("http://127.0.0.1:" + endpoint.port() + "/nothing/here/x")
                .build()) {
      Exposition e = scraper.scrape().exposition();

      assertThat(e.sum(MetricNames.REQUEST_DURATION + "_count")).hasValue(1);
      assertThat(e.samples(MetricNames.RELEASE_ROLLBACKS))
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s.labels())
                      .containsEntry("service", "chat")
                      .containsEntry("gate", "promql"));
      assertThat(e.sum(MetricNames.SPOT_PREEMPTIONS)).hasValue(2);
      assertThatThrownBy(wrongPath::scrape).isInstanceOf(ResourceNotFoundException.class);
    }
  }
}
