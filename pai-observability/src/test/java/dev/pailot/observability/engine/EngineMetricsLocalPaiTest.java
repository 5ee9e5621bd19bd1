package dev.pailot.observability.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.observability.testing.Await;
import dev.pailot.observability.testing.LocalEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scrapes LocalPai's simulated vLLM engine through the EAS gateway while it is under load. */
class EngineMetricsLocalPaiTest {
  private static LocalEngines engines;

  @BeforeAll
  static void deploy() {
    engines = LocalEngines.start();
    // 20 ms per engine step: 24 requests of 40 tokens stay running for about a second.
    engines.deployVllm("chat", Map.of("LOCALPAI_STEP_BASE_US", "20000"));
  }

  @AfterAll
  static void stop() {
    engines.close();
  }

  @Test
  void seesRunningRequestsAndKvCacheUnderLoadThenIdle() throws Exception {
    String endpoint = engines.endpoint("chat");
    try (EngineMetricsScraper scraper =
            EngineMetricsScraper.builder().endpoint(endpoint).token(engines.token("chat")).build();
        EngineMetricsPoller poller = EngineMetricsPoller.start(scraper, Duration.ofMillis(20))) {
      Await.until(() -> poller.latest().isPresent(), "a first scrape");
      assertThat(poller.latest().orElseThrow().numRequestsRunning()).isZero();

      List<CompletableFuture<Integer>> load = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        load.add(engines.chat("chat", 40));
      }
      Await.until(
          () -> poller.latest().orElseThrow().numRequestsRunning() >= 1,
          "running requests on /metrics");
      EngineMetrics busy = poller.latest().orElseThrow();
      assertThat(busy.kvCacheUsage()).isPresent();
      assertThat(busy.kvCacheUsage().getAsDouble()).isBetween(0.0, 1.0);
      assertThat(busy.exposition().family("vllm:num_requests_running")).isPresent();

      for (CompletableFuture<Integer> f : load) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
      Await.until(
          () -> {
            EngineMetrics m = poller.latest().orElseThrow();
            return m.numRequestsRunning() == 0 && m.numRequestsWaiting() == 0;
          },
          "an idle engine");
      EngineMetrics idle = scraper.scrape();
      assertThat(idle.timeToFirstToken().orElseThrow().count()).isGreaterThanOrEqualTo(24);
      assertThat(idle.exposition().sum("vllm:generation_tokens_total").orElseThrow())
          .isGreaterThanOrEqualTo(24 * 40);
    }
  }

  @Test
  void theGatewayRefusesAScrapeWithoutTheToken() {
    try (EngineMetricsScraper scraper =
        EngineMetricsScraper.builder().endpoint(engines.endpoint("chat")).build()) {
      assertThatThrownBy(scraper::scrape).isInstanceOf(AuthenticationException.class);
    }
  }
}
