package dev.pailot.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.observability.alerts.AlertSpec;
import dev.pailot.observability.alerts.PailotAlerts;
import dev.pailot.observability.alerts.RuleFile;
import dev.pailot.observability.autoscaling.EasAutoscalerPlan;
import dev.pailot.observability.autoscaling.EasAutoscaling;
import dev.pailot.observability.autoscaling.LlmScalingTargets;
import dev.pailot.observability.capacity.KvCacheCalculator;
import dev.pailot.observability.capacity.KvCacheDtype;
import dev.pailot.observability.capacity.KvCacheEstimate;
import dev.pailot.observability.capacity.KvCacheSpec;
import dev.pailot.observability.capacity.ModelShape;
import dev.pailot.observability.engine.EngineMetrics;
import dev.pailot.observability.engine.EngineMetricsPoller;
import dev.pailot.observability.engine.EngineMetricsScraper;
import dev.pailot.observability.prometheus.MetricsEndpoint;
import dev.pailot.observability.prometheus.PailotMeterFilters;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.observability.promql.QueryResult;
import dev.pailot.observability.testing.Await;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/observability.md, compiled and run. */
class ObservabilityDocsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void registryAndEndpoint() {
    // tag::registry[]
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(PailotMeterFilters.latencyHistograms()); // before any client
    // Pai.builder().meterRegistry(registry) / InferenceClient.builder().meterRegistry(registry)
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 0)) { // 0: a free port
      System.out.println("scrape " + endpoint.url());
      // end::registry[]
      assertThat(endpoint.port()).isPositive();
    }
  }

  @Test
  void kvCache() {
    // tag::kv[]
    KvCacheSpec fp16 =
        KvCacheSpec.builder()
            .model(ModelShape.LLAMA_3_8B) // 32 layers, 8 KV heads, head dim 128
            .gpuMemoryBytes(80_000_000_000L) // one 80 GB card
            .gpuMemoryUtilization(0.9) // vLLM's default
            .build();
    KvCacheEstimate half = KvCacheCalculator.estimate(fp16);
    KvCacheEstimate int8 =
        KvCacheCalculator.estimate(fp16.toBuilder().kvCacheDtype(KvCacheDtype.INT8).build());
    long users = half.concurrentSequences(4096); // 96 sequences of 4k tokens
    long int8Users = int8.concurrentSequences(4096); // 193: int8 doubles them
    // end::kv[]
    assertThat(half.bytesPerToken()).isEqualTo(131_072);
    assertThat(users).isEqualTo(96);
    assertThat(int8Users).isEqualTo(193);
  }

  @Test
  void engineMetrics() {
    wm.stubFor(
        get("/api/predict/qwen_chat/metrics")
            .willReturn(
                ok(
                    "vllm:num_requests_running{model_name=\"qwen\"} 5\n"
                        + "vllm:num_requests_waiting{model_name=\"qwen\"} 2\n"
                        + "vllm:kv_cache_usage_perc{model_name=\"qwen\"} 0.61\n")));
    String endpoint = wm.baseUrl() + "/api/predict/qwen_chat";
    String token = "eas-token";
    // tag::engine[]
    try (EngineMetricsScraper scraper =
            EngineMetricsScraper.builder()
                .endpoint(endpoint) // the EAS service endpoint; "/metrics" is appended
                .token(token) // sent as "Authorization: Bearer <token>"
                .timeout(Duration.ofSeconds(2))
                .build();
        EngineMetricsPoller poller = EngineMetricsPoller.start(scraper, Duration.ofSeconds(1))) {
      EngineMetrics now = scraper.scrape();
      System.out.printf(
          "running %.0f, waiting %.0f, KV cache %.0f%%%n",
          now.numRequestsRunning(), now.numRequestsWaiting(), 100 * now.kvCacheUsage().orElse(0));
      Optional<EngineMetrics> latest = poller.latest(); // refreshed every second on its thread
      // end::engine[]
      assertThat(now.numRequestsWaiting()).isEqualTo(2);
      Await.until(() -> poller.latest().isPresent(), "a poll");
      assertThat(latest).isNotNull();
    }
  }

  @Test
  void promql() {
    wm.stubFor(
        post("/api/v1/query")
            .willReturn(
                okJson(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + "{\"metric\":{\"service_name\":\"qwen_chat\"},\"value\":[1,\"0.42\"]}]}}")));
    String prometheusUrl = wm.baseUrl();
    // tag::promql[]
    try (PromQlClient prometheus = PromQlClient.builder().baseUrl(prometheusUrl).build()) {
      QueryResult p99 = prometheus.query(PailotAlerts.latencyQuantile(0.99, Duration.ofMinutes(5)));
      double seconds = p99.value(Map.of("service_name", "qwen_chat")).orElse(Double.NaN);
      // end::promql[]
      assertThat(seconds).isEqualTo(0.42);
    }
  }

  @Test
  void alertRules() throws Exception {
    // tag::rules[]
    RuleFile rules =
        PailotAlerts.rules(
            AlertSpec.builder()
                .latencyBudget(Duration.ofSeconds(1)) // the blueprint's p99 budget (default)
                .kvCacheUsageThreshold(0.9)
                .putLabels("team", "llm-platform")
                .runbookBaseUrl("https://wiki.example.com/runbooks")
                .build());
    Files.writeString(dir.resolve("pailot-rules.yml"), rules.toYaml());
    Files.writeString(
        dir.resolve("pailot-prometheusrule.yaml"),
        rules.toPrometheusRule("pailot", "monitoring", Map.of("release", "prometheus")));
    // end::rules[]
    assertThat(rules.rules()).hasSize(9);
  }

  @Test
  void artifacts() {
    // tag::artifacts[]
    List<Path> files = ObservabilityArtifacts.writeTo(dir.resolve("observability"));
    // pailot-rules.yml, pailot-prometheusrule.yaml, pailot-dashboard.json
    // end::artifacts[]
    assertThat(files).hasSize(3);
  }

  @Test
  void autoscaling() {
    // tag::autoscaling[]
    EasAutoscalerPlan plan =
        EasAutoscaling.plan(
            LlmScalingTargets.builder()
                .minReplicas(1)
                .maxReplicas(8)
                .concurrentSequencesPerReplica(96) // KvCacheEstimate.concurrentSequences(4096)
                .meanRequestDuration(Duration.ofSeconds(4)) // observed p50
                .targetKvCacheUsage(0.75)
                .build());
    Map<String, Object> easBody = plan.toEasSettings(); // qps threshold 18.0 per replica
    plan.notes().forEach(System.out::println); // what EAS cannot express
    // end::autoscaling[]
    assertThat(plan.qpsThreshold()).isEqualTo(18.0);
    assertThat(easBody).containsKey("scaleStrategies");
  }
}
