package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/client.md} on endpoint pools and engine-aware admission, run against
 * two EAS services on LocalPai.
 */
class PoolDocsTest {
  private static LocalEas eas;
  private static String shanghaiUrl;
  private static String shanghaiToken;
  private static String hangzhouUrl;
  private static String hangzhouToken;

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(LocalEas.vllm("qwen_sh", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    eas.create(LocalEas.vllm("qwen_hz", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    eas.awaitRunning("qwen_sh");
    eas.awaitRunning("qwen_hz");
    shanghaiUrl = eas.endpoint("qwen_sh");
    shanghaiToken = eas.token("qwen_sh");
    hangzhouUrl = eas.endpoint("qwen_hz");
    hangzhouToken = eas.token("qwen_hz");
  }

  @AfterAll
  static void stop() {
    eas.close();
  }

  private static ChatRequest hello() {
    return ChatRequest.builder().model("qwen").user("Hello").maxTokens(4).build();
  }

  @Test
  void poolWithFailover() {
    // tag::pool[]
    InferenceClient client =
        InferenceClient.builder()
            .addEndpoint(
                Endpoint.builder()
                    .url(shanghaiUrl) // http://<uid>.cn-shanghai.pai-eas.aliyuncs.com/api/...
                    .token(shanghaiToken) // each endpoint may carry its own EAS token
                    .zone("cn-shanghai")
                    .weight(2) // twice the share of an equally loaded peer
                    .build())
            .addEndpoint(
                Endpoint.builder()
                    .url(hangzhouUrl)
                    .token(hangzhouToken)
                    .zone("cn-hangzhou")
                    .build())
            .failover(
                FailoverOptions.builder()
                    .preferredZone("cn-shanghai") // Hangzhou only takes over
                    .consecutiveFailures(5) // faults in a row that eject an endpoint
                    .baseEjectionTime(Duration.ofSeconds(10)) // 10 s, 20 s, 30 s, ...
                    .maxEjectionPercent(50) // never the whole pool
                    .healthCheckPath("/health") // optional active check
                    .build())
            .retry(RetryOptions.builder().maxAttempts(3).build()) // before the first token only
            .build();
    // end::pool[]
    try (client) {
      // tag::status[]
      ChatResult answer = client.chat(hello());
      Timings t = answer.timings();
      System.out.println(t.attempts() + " attempt(s), answered by " + t.endpoint());
      for (EndpointStatus s : client.endpointStatus()) {
        System.out.println(s.url() + " " + s.state() + " in flight " + s.inFlight());
      }
      // end::status[]
      assertThat(t.endpoint()).isEqualTo(shanghaiUrl);
      assertThat(t.attempts()).isEqualTo(1);
      assertThat(client.endpointStatus()).hasSize(2);
    }
  }

  @Test
  void engineAwareAdmission() {
    // tag::steering[]
    InferenceClient client =
        InferenceClient.builder()
            .endpoint(shanghaiUrl)
            .token(shanghaiToken)
            .adaptiveConcurrency(AdaptiveConcurrency.of(4, 32, 256))
            .steerByEngineMetrics(
                EngineMetricsSteering.builder()
                    .pollInterval(Duration.ofSeconds(1)) // scrape /metrics each second
                    .maxKvCacheUsage(0.9) // vllm:kv_cache_usage_perc above this = saturated
                    .shrinkFactor(0.9) // cut the limit by 10 % per saturated second
                    .build())
            .build();
    // end::steering[]
    try (client) {
      assertThat(client.chat(hello()).usage().orElseThrow().completionTokens()).isEqualTo(4);
    }
  }
}
