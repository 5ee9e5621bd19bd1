package dev.pailot.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.error.PaiException;
import dev.pailot.observability.engine.EngineMetricsPoller;
import dev.pailot.observability.engine.EngineMetricsScraper;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.observability.testing.Await;
import dev.pailot.testkit.SecretLeakGuard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens never reach logs (DEBUG included), messages or toString. */
class SecretHygieneTest {
  private static final String ENGINE_TOKEN = "eas-token-Zq81xYw";
  private static final String PROM_TOKEN = "prom-token-Pq77aa";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  final SecretLeakGuard guard = SecretLeakGuard.create().secret(ENGINE_TOKEN).secret(PROM_TOKEN);

  @Test
  @SuppressWarnings("try") // the poller only has to run while the scraper fails
  void tokensStayOutOfLogsMessagesAndToString() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
    List<PaiException> failures = new CopyOnWriteArrayList<>();

    try (EngineMetricsScraper scraper =
            EngineMetricsScraper.builder().endpoint(wm.baseUrl()).token(ENGINE_TOKEN).build();
        PromQlClient promql =
            PromQlClient.builder().baseUrl(wm.baseUrl()).bearerToken(PROM_TOKEN).build();
        EngineMetricsPoller poller =
            EngineMetricsPoller.start(
                scraper,
                Duration.ofMillis(10),
                new dev.pailot.observability.engine.EngineMetricsListener() {
                  @Override
                  public void onMetrics(dev.pailot.observability.engine.EngineMetrics m) {}

                  @Override
                  public void onFailure(PaiException failure) {
                    failures.add(failure);
                  }
                })) {
      Await.until(() -> failures.size() >= 2, "two failed scrapes");
      Throwable query = catchThrowable(() -> promql.query("up"));

      assertThat(scraper.toString()).doesNotContain(ENGINE_TOKEN);
      assertThat(promql.toString()).doesNotContain(PROM_TOKEN);
      assertThat(query).isInstanceOf(PaiException.class);
      assertThat(query.getMessage()).doesNotContain(PROM_TOKEN);
      assertThat(failures).allSatisfy(f -> assertThat(f.getMessage()).doesNotContain(ENGINE_TOKEN));
    }
  }
}
