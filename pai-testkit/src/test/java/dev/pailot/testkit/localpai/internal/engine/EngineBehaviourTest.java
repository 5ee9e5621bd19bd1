package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The engine over real HTTP: disconnects, KV exhaustion, static batches, metrics. */
class EngineBehaviourTest {
  @Test
  void closedConnectionAbortsTheRequestAndFreesItsBlocks() throws Exception {
    Map<String, String> env = new HashMap<>(Specs.FAST);
    env.put("LOCALPAI_STEP_BASE_US", "2000");
    try (EngineHarness engine = EngineHarness.start(Specs.vllm("", env))) {
      streamThenHangUp(engine);

      await(() -> engine.stats().kvBlocksUsed() == 0 && engine.stats().running() == 0);
      assertThat(metric(engine, "vllm:kv_cache_usage_perc")).isZero();
    }
  }

  /** Starts a long stream on a raw socket, waits for its first token, then closes the socket. */
  private static void streamThenHangUp(EngineHarness engine) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", engine.port())) {
      String body =
          "{\"prompt\":\"" + "long prompt ".repeat(100) + "\",\"max_tokens\":5000,\"stream\":true}";
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/predict/svc/v1/completions HTTP/1.1\r\nHost: x\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String seen = "";
      while (!seen.contains("\"text\"")) {
        seen += new String(in.readNBytes(Math.max(1, in.available())), StandardCharsets.UTF_8);
      }
      assertThat(engine.stats().kvBlocksUsed()).isPositive();
    }
  }

  @Test
  void exhaustedKvCachePreemptsAndEveryRequestStillCompletes() {
    try (EngineHarness engine =
        EngineHarness.start(
            Specs.fastVllm("--num-gpu-blocks-override 24 --max-model-len 256 --max-num-seqs 16"))) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ObjectNode body = Specs.JSON.createObjectNode().put("prompt", "request number " + i);
        calls.add(Http.postAsync(engine.uri("/v1/completions"), body.put("max_tokens", 120)));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        JsonNode answer = Http.json(call.join());
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(120);
        assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("length");
      }
      assertThat(metric(engine, "vllm:num_preemptions_total")).isPositive();
      assertThat(engine.stats().kvBlocksUsed()).isZero();
    }
  }

  @Test
  void staticModeFormsBatches() {
    Map<String, String> env = new HashMap<>(Specs.FAST);
    env.put("LOCALPAI_BATCHING", "static");
    try (EngineHarness engine = EngineHarness.start(Specs.vllm("--max-num-seqs 3", env))) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        ObjectNode body = Specs.JSON.createObjectNode().put("prompt", "p" + i);
        calls.add(Http.postAsync(engine.uri("/v1/completions"), body.put("max_tokens", 5 + i)));
      }
      calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
      assertThat(engine.stats().batchesFormed()).isGreaterThanOrEqualTo(3);
      assertThat(engine.stats().peakRunning()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void metricsUseVllmNamesWithModelLabel() {
    try (EngineHarness engine = EngineHarness.start(Specs.fastVllm(""))) {
      ObjectNode body = Specs.JSON.createObjectNode().put("prompt", "count me");
      Http.post(engine.uri("/v1/completions"), body.put("max_tokens", 6));
      HttpResponse<String> r = Http.get(engine.uri("/metrics"));

      assertThat(r.headers().firstValue("content-type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      Map<String, Double> samples = PrometheusSamples.parse(r.body());
      assertThat(samples)
          .containsKeys(
              "vllm:num_requests_running{model_name=\"qwen\"}",
              "vllm:num_requests_waiting{model_name=\"qwen\"}",
              "vllm:kv_cache_usage_perc{model_name=\"qwen\"}",
              "vllm:num_preemptions_total{model_name=\"qwen\"}",
              "vllm:time_to_first_token_seconds_bucket{model_name=\"qwen\",le=\"+Inf\"}",
              "vllm:e2e_request_latency_seconds_sum{model_name=\"qwen\"}");
      assertThat(samples.get("vllm:generation_tokens_total{model_name=\"qwen\"}")).isEqualTo(6.0);
      assertThat(samples.get("vllm:prompt_tokens_total{model_name=\"qwen\"}")).isEqualTo(2.0);
      assertThat(samples.get("vllm:e2e_request_latency_seconds_count{model_name=\"qwen\"}"))
          .isEqualTo(1.0);
      assertThat(
              samples.get(
                  "vllm:request_success_total{finished_reason=\"length\",model_name=\"qwen\"}"))
          .isEqualTo(1.0);
    }
  }

  static double metric(EngineHarness engine, String name) {
    return PrometheusSamples.parse(Http.get(engine.uri("/metrics")).body())
        .get(name + "{model_name=\"qwen\"}");
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
