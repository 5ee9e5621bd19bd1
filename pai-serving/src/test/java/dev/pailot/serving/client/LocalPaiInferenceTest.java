package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.testkit.SecretLeakGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behaviour against LocalPai: services deployed with CreateService, reached through the EAS gateway
 * with their tokens, answered by the simulated continuous-batching engine.
 */
class LocalPaiInferenceTest {
  private static LocalEas eas;

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create();

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(LocalEas.vllm("chat_fast", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    // 20 ms per engine step: a long generation stays running until it is aborted.
    eas.create(LocalEas.vllm("chat_slow", Map.of("LOCALPAI_STEP_BASE_US", "20000")));
    // A replica that never finishes warming up: the gateway answers 503 no healthy upstream.
    eas.create(LocalEas.vllm("chat_loading", Map.of("LOCALPAI_WARMUP_S", "10000000")));
    eas.create(
        LocalEas.image(
            "embed",
            "ghcr.io/huggingface/text-embeddings-inference:1.5",
            "text-embeddings-router --model-id BAAI/bge-small-en-v1.5"));
    eas.create(
        LocalEas.image("rerank", "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3"));
    eas.create(LocalEas.image("echo", "registry/app:1", null));
    for (String name : List.of("chat_fast", "chat_slow", "embed", "rerank", "echo")) {
      eas.awaitRunning(name);
    }
  }

  @AfterAll
  static void stop() {
    eas.close();
  }

  private InferenceClient client(String service) {
    String token = eas.token(service);
    guard.secret(token);
    return InferenceClient.builder().endpoint(eas.endpoint(service)).token(token).build();
  }

  private static ChatRequest words(int n) {
    return ChatRequest.builder()
        .model("qwen")
        .user("Tell me about PAI-EAS.")
        .maxTokens(n)
        .temperature(0.0)
        .build();
  }

  @Test
  void streamsThroughTheEasGatewayWithUsageAndTimings() {
    try (InferenceClient client = client("chat_fast")) {
      RecordingListener listener = new RecordingListener();

      ChatResult result = Await.result(client.stream(words(16), listener).result());

      assertThat(result.text().trim().split(" ")).hasSize(16);
      assertThat(listener.text()).isEqualTo(result.text());
      assertThat(result.usage().orElseThrow().completionTokens()).isEqualTo(16);
      assertThat(result.finishReason()).contains("length");
      assertThat(result.responseId().orElseThrow()).contains(result.requestId());
      Timings t = result.timings();
      assertThat(t.timeToFirstToken().orElseThrow()).isLessThanOrEqualTo(t.endToEnd());
      assertThat(t.tokensOut()).isEqualTo(16);
      assertThat(t.tokensIn()).isPositive();
      assertThat(t.interTokenLatency().orElseThrow().count()).isEqualTo(listener.deltas.size() - 1);
      assertThat(client.serviceName()).isEqualTo("chat_fast");
      // OkHttp names its call threads after the URL while they run; they are the client's own
      // daemon threads, never the common pool.
      assertThat(listener.threads).noneMatch(n -> n.contains("ForkJoinPool"));
      assertThat(listener.daemon).containsOnly(true);
    }
  }

  @Test
  void nonStreamedCallsEmbeddingsRerankAndRawPredict() {
    try (InferenceClient chat = client("chat_fast");
        InferenceClient embed = client("embed");
        InferenceClient rerank = client("rerank");
        InferenceClient echo = client("echo")) {
      ChatResult answer = chat.chat(words(8));
      ChatResult completion =
          chat.complete(CompletionRequest.builder().prompt("Once").maxTokens(4).build());
      EmbeddingResult vectors =
          embed.embed(EmbeddingRequest.builder().addInputs("red apple", "green pear").build());
      RerankResult ranked =
          rerank.rerank(
              RerankRequest.builder()
                  .query("deploy a model on EAS")
                  .addDocuments("a recipe for soup", "how to deploy a model on EAS")
                  .build());
      PredictResult echoed = echo.predict(PredictRequest.ofJson("{\"ping\":1}"));

      assertThat(answer.usage().orElseThrow().completionTokens()).isEqualTo(8);
      assertThat(answer.timings().timeToFirstToken()).isEmpty();
      assertThat(completion.text().trim().split(" ")).hasSize(4);
      assertThat(vectors.embeddings()).hasSize(2);
      assertThat(vectors.embeddings().get(0).vector()).isNotEmpty();
      assertThat(ranked.results().get(0).index()).isEqualTo(1);
      assertThat(echoed.status()).isEqualTo(200);
      assertThat(echoed.bodyText()).isEqualTo("{\"ping\":1}");
    }
  }

  @Test
  void wrongTokenIsRefusedWithTheFix() {
    guard.secret("definitely-the-wrong-token");
    try (InferenceClient client =
        InferenceClient.builder()
            .endpoint(eas.endpoint("chat_fast"))
            .token("definitely-the-wrong-token")
            .build()) {
      Throwable failure = Await.failure(client.stream(words(4), new RecordingListener()).result());

      assertThat(failure).isInstanceOf(AuthenticationException.class);
      assertThat(failure.getMessage()).contains("check the EAS token");
      guard.assertNoSecretIn("exception", failure);
    }
  }

  @Test
  void serviceStillLoadingIsNotReady() {
    try (InferenceClient client = client("chat_loading")) {
      Throwable failure = Await.failure(client.chatAsync(words(4)));

      assertThat(failure).isInstanceOf(ServiceNotReadyException.class);
      assertThat(((ServiceNotReadyException) failure).retryable()).isTrue();
    }
  }

  @Test
  void twoHundredConcurrentStreamsRunAtOnce() {
    int streams = 200;
    // Every stream blocks after its first delta until all 200 have one: with OkHttp's default of
    // 5 calls per host only 5 could ever start, and this would never open.
    CountDownLatch allStarted = new CountDownLatch(streams);
    List<CompletableFuture<ChatResult>> results = new ArrayList<>();
    try (InferenceClient client = client("chat_fast")) {
      for (int i = 0; i < streams; i++) {
        AtomicBoolean first = new AtomicBoolean(true);
        StreamListener listener =
            d -> {
              if (first.getAndSet(false)) {
                allStarted.countDown();
                Await.latch(allStarted, "all streams to start");
              }
            };
        results.add(client.stream(words(8), listener).result());
      }
      for (CompletableFuture<ChatResult> r : results) {
        assertThat(Await.result(r).usage().orElseThrow().completionTokens()).isEqualTo(8);
      }
    }
  }

  @Test
  void cancellingAStreamAbortsTheEngineRequest() {
    String endpoint = eas.endpoint("chat_slow");
    String token = eas.token("chat_slow");
    try (InferenceClient client = client("chat_slow")) {
      CountDownLatch firstDelta = new CountDownLatch(1);
      StreamHandle handle = client.stream(words(5000), d -> firstDelta.countDown());
      Await.latch(firstDelta, "first delta");
      assertThat(LocalEas.engineMetric(endpoint, token, "vllm:num_requests_running")).isEqualTo(1);

      handle.cancel();

      Await.until(
          () -> LocalEas.engineMetric(endpoint, token, "vllm:num_requests_running") == 0,
          "the engine to abort the cancelled request");
      assertThat(LocalEas.engineMetric(endpoint, token, "vllm:generation_tokens_total"))
          .isLessThan(5000);
    }
  }
}
