package dev.pailot.examples.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.examples.demo.ObservabilityStage;
import dev.pailot.examples.eas.ExampleServices;
import dev.pailot.observability.ObservabilityArtifacts;
import dev.pailot.observability.alerts.AlertSpec;
import dev.pailot.observability.alerts.PailotAlerts;
import dev.pailot.observability.prometheus.LocalPrometheus;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.observability.promql.RangeQuery;
import dev.pailot.serving.client.EasInference;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.load.ArrivalProcess;
import dev.pailot.serving.load.LengthDistribution;
import dev.pailot.serving.load.LoadGenerator;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.LoadTarget;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "must show": a real Prometheus (Debian's binary) scrapes the demo's metrics endpoint
 * while Pailot's load generator sends open-loop Poisson load through the real inference client to a
 * vLLM service on LocalPai. The blueprint's p99 query answers through the PromQL client, and the
 * generated latency alert (with a 2 s {@code for}) fires once LocalPai injects 1.5 s of gateway
 * latency, and was neither pending nor firing before.
 */
class PrometheusIntegrationTest {
  private static final String SERVICE = "chat";
  private static final String P99 = PailotAlerts.latencyQuantile(0.99, Duration.ofMinutes(5));
  private static final String ALERT = "ALERTS{alertname=\"" + PailotAlerts.LATENCY + "\"";

  @TempDir Path dir;

  @Test
  void blueprintQueryAndLatencyAlertOnARealPrometheus() throws Exception {
    Path rules = dir.resolve("rules");
    ObservabilityArtifacts.writeTo(
        rules, AlertSpec.builder().pendingFor(Duration.ofSeconds(2)).build());
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (LocalPai localPai =
            LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
        Pai pai = localPai.newClient();
        ObservabilityStage stage =
            ObservabilityStage.start(
                dir.resolve("demo"), new PrintStream(OutputStream.nullOutputStream()));
        LocalPrometheus prometheus =
            LocalPrometheus.builder()
                .scrapeTarget(stage.scrapeUrl())
                .ruleFile(rules.resolve(ObservabilityArtifacts.RULES))
                .start();
        PromQlClient promql = PromQlClient.builder().baseUrl(prometheus.url().toString()).build()) {
      // A vLLM service serving qwen with 2 ms engine steps.
      ExampleServices.deploy(
          pai,
          ExampleServices.vllm(
              SERVICE,
              "vllm serve /mnt/model --served-model-name qwen",
              "qwen2.5-0.5b-instruct",
              Map.of("LOCALPAI_STEP_BASE_US", "2000")));
      try (InferenceClient client =
          EasInference.builder(pai, SERVICE)
              .serviceName(SERVICE)
              .meterRegistry(stage.registry())
              .build()) {
        LoadGenerator load =
            LoadGenerator.create(LoadTarget.chatStream(client, b -> b.model("qwen")));
        // Open loop at 40 requests/s for longer than the test needs; closing the generator ends it.
        LoadSpec spec =
            LoadSpec.builder()
                .arrivals(ArrivalProcess.poisson(40))
                .duration(Duration.ofMinutes(5))
                .promptTokens(LengthDistribution.uniform(8, 64))
                .outputTokens(LengthDistribution.fixed(8))
                .build();
        Future<?> running = background.submit(() -> load.run(spec));
        // Fast phase: the blueprint query answers, under budget, and no alert exists.
        await(() -> p99(promql) != null, "a p99 for " + SERVICE);
        assertThat(p99(promql)).isLessThan(1.0);
        assertThat(promql.query(ALERT + "}").isEmpty()).isTrue();
        Instant crossing = Instant.now();

        localPai.faults().easLatency(SERVICE, Duration.ofMillis(1500));
        await(
            () -> !promql.query(ALERT + ",alertstate=\"firing\"}").isEmpty(),
            "the latency alert firing");

        assertThat(p99(promql)).isGreaterThan(1.0);
        assertThat(
                promql
                    .queryRange(
                        RangeQuery.builder()
                            .query(ALERT + "}")
                            .start(crossing.minusSeconds(60))
                            .end(crossing)
                            .step(Duration.ofSeconds(1))
                            .build())
                    .isEmpty())
            .as("no alert, not even pending, before the latency was injected")
            .isTrue();
        assertThat(stage.registry().get("inference.request.duration").timer().count()).isPositive();
        load.close();
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(CancellationException.class);
      } finally {
        background.shutdownNow();
      }
      assertThat(Files.readString(stage.files().get(0))).contains(PailotAlerts.LATENCY);
    }
  }

  private static Double p99(PromQlClient promql) {
    return promql.query(P99).value(Map.of("service_name", SERVICE)).orElse(null);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
