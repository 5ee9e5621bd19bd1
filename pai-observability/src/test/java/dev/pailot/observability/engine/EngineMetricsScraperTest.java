package dev.pailot.observability.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EngineMetricsScraperTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String VLLM =
      String.join(
          "\n",
          "# HELP vllm:num_requests_running Number of requests in model execution batches.",
          "# TYPE vllm:num_requests_running gauge",
          "vllm:num_requests_running{model_name=\"qwen\"} 3.0",
          "vllm:num_requests_running{model_name=\"lora\"} 1.0",
          "# TYPE vllm:num_requests_waiting gauge",
          "vllm:num_requests_waiting{model_name=\"qwen\"} 7.0",
          "# TYPE vllm:kv_cache_usage_perc gauge",
          "vllm:kv_cache_usage_perc{model_name=\"qwen\"} 0.42",
          "# TYPE vllm:time_to_first_token_seconds histogram",
          "vllm:time_to_first_token_seconds_bucket{model_name=\"qwen\",le=\"0.1\"} 4.0",
          "vllm:time_to_first_token_seconds_bucket{model_name=\"qwen\",le=\"+Inf\"} 5.0",
          "vllm:time_to_first_token_seconds_sum{model_name=\"qwen\"} 1.0",
          "vllm:time_to_first_token_seconds_count{model_name=\"qwen\"} 5.0",
          "");

  private static EngineMetricsScraper.Builder scraper(String path) {
    return EngineMetricsScraper.builder().endpoint(wm.baseUrl() + path);
  }

  @Test
  void readsVllmGaugesWithTheBearerToken() {
    wm.stubFor(get("/api/predict/chat/metrics").willReturn(ok(VLLM)));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T16:00:00Z"), ZoneOffset.UTC);

    try (EngineMetricsScraper s =
        scraper("/api/predict/chat").token("tok-123").clock(clock).build()) {
      EngineMetrics m = s.scrape();

      assertThat(m.numRequestsRunning()).isEqualTo(4.0); // summed over model_name
      assertThat(m.numRequestsWaiting()).isEqualTo(7.0);
      assertThat(m.kvCacheUsage()).hasValue(0.42);
      assertThat(m.scrapedAt()).isEqualTo(clock.instant());
      assertThat(m.timeToFirstToken().orElseThrow().count()).isEqualTo(5.0);
      assertThat(m.exposition().samples()).hasSize(8);
      assertThat(s.url().toString()).endsWith("/api/predict/chat/metrics");
      assertThat(s.toString()).doesNotContain("tok-123");
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/api/predict/chat/metrics"))
            .withHeader("Authorization", equalTo("Bearer tok-123")));
  }

  @Test
  void fallsBackToThePreV1KvCacheGaugeAndToleratesMissingGauges() {
    wm.stubFor(
        get("/metrics")
            .willReturn(
                ok("# TYPE vllm:gpu_cache_usage_perc gauge\nvllm:gpu_cache_usage_perc 0.9\n")));

    try (EngineMetricsScraper s = scraper("/metrics").build()) {
      EngineMetrics m = s.scrape();

      assertThat(m.kvCacheUsage()).hasValue(0.9);
      assertThat(m.numRequestsRunning()).isZero();
      assertThat(m.timeToFirstToken()).isEmpty();
    }
    wm.verify(getRequestedFor(urlEqualTo("/metrics")).withoutHeader("Authorization"));
  }

  @Test
  void readsSglangNames() {
    wm.stubFor(
        get("/metrics")
            .willReturn(
                ok(
                    "sglang:num_running_reqs 2\nsglang:num_queue_reqs 5\nsglang:token_usage 0.3\n")));

    try (EngineMetricsScraper s = scraper("/").build()) {
      EngineMetrics m = s.scrape();

      assertThat(m.numRequestsRunning()).isEqualTo(2);
      assertThat(m.numRequestsWaiting()).isEqualTo(5);
      assertThat(m.kvCacheUsage()).hasValue(0.3);
    }
  }

  @Test
  void mapsHttpFailures() {
    wm.stubFor(get("/a/metrics").willReturn(aResponse().withStatus(401)));
    wm.stubFor(get("/b/metrics").willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        get("/c/metrics").willReturn(aResponse().withStatus(503).withBody("no healthy upstream")));
    wm.stubFor(get("/d/metrics").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/e/metrics").willReturn(ok("<html>login</html>")));

    assertThatThrownBy(() -> scrape("/a", "secret-token"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining("secret-token");
    assertThatThrownBy(() -> scrape("/b", null)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> scrape("/c", null))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(503);
            });
    assertThatThrownBy(() -> scrape("/d", null))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("/d/metrics");
    assertThatThrownBy(() -> scrape("/e", null))
        .isInstanceOf(PaiException.class)
        .hasMessageContaining("Malformed");
  }

  @Test
  void timesOut() {
    wm.stubFor(get("/slow/metrics").willReturn(ok(VLLM).withFixedDelay(1_500)));

    try (EngineMetricsScraper s = scraper("/slow").timeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(s::scrape)
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("Timed out");
    }
  }

  @Test
  void rejectsBadSettingsAtTheBuilder() {
    assertThatThrownBy(() -> EngineMetricsScraper.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> scraper("/").timeout(Duration.ZERO).build())
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> EngineMetricsScraper.builder().endpoint("ftp:x").build())
        .hasMessageContaining("endpoint");
  }

  @Test
  void pollerKeepsTheLatestAndReportsFailuresOnItsOwnThread() {
    wm.stubFor(get("/p/metrics").willReturn(ok(VLLM)));
    wm.stubFor(get("/q/metrics").willReturn(aResponse().withStatus(500)));
    List<String> threads = new CopyOnWriteArrayList<>();
    List<PaiException> failures = new CopyOnWriteArrayList<>();
    List<EngineMetrics> seen = new ArrayList<>();

    try (EngineMetricsScraper ok = scraper("/p").build();
        EngineMetricsScraper failing = scraper("/q").build();
        EngineMetricsPoller poller =
            EngineMetricsPoller.start(
                ok,
                Duration.ofMillis(20),
                m -> {
                  threads.add(Thread.currentThread().getName());
                  synchronized (seen) {
                    seen.add(m);
                  }
                });
        EngineMetricsPoller bad =
            EngineMetricsPoller.start(
                failing,
                Duration.ofMillis(20),
                new EngineMetricsListener() {
                  @Override
                  public void onMetrics(EngineMetrics metrics) {
                    throw new AssertionError("no metrics expected");
                  }

                  @Override
                  public void onFailure(PaiException failure) {
                    failures.add(failure);
                  }
                })) {
      dev.pailot.observability.testing.Await.until(() -> threads.size() >= 3, "three scrapes");
      dev.pailot.observability.testing.Await.until(() -> failures.size() >= 2, "two failures");

      assertThat(poller.latest().orElseThrow().numRequestsWaiting()).isEqualTo(7.0);
      assertThat(poller.lastFailure()).isEmpty();
      assertThat(threads).allMatch(t -> t.startsWith("pailot-engine-metrics-"));
      assertThat(bad.latest()).isEmpty();
      assertThat(bad.lastFailure().orElseThrow()).isInstanceOf(ServiceUnavailableException.class);
    }
    int after = threads.size();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals(threads.get(0)) && t.isAlive() && !t.isDaemon());
    assertThat(after).isGreaterThanOrEqualTo(3);
  }

  private static EngineMetrics scrape(String path, String token) {
    try (EngineMetricsScraper s = scraper(path).token(token).build()) {
      return s.scrape();
    }
  }
}
