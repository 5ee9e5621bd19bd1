package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.RerankBatcher;
import dev.pailot.serving.client.shadow.ShadowComparison;
import dev.pailot.serving.client.shadow.ShadowMirror;
import dev.pailot.serving.client.shadow.ShadowRecorder;
import dev.pailot.serving.client.shadow.ShadowSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/client.md}, sections "Micro-batching" and "Shadow mirroring", run
 * against EAS services on LocalPai.
 */
class BatchingAndShadowDocsTest {
  private static LocalEas eas;

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(
        LocalEas.image(
            "bge_embed",
            "ghcr.io/huggingface/text-embeddings-inference:1.5",
            "text-embeddings-router --model-id BAAI/bge-small-en-v1.5"));
    eas.create(
        LocalEas.image(
            "bge_rerank", "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3"));
    eas.create(LocalEas.vllm("qwen_chat", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    eas.create(LocalEas.vllm("qwen_next", Map.of("LOCALPAI_STEP_BASE_US", "300")));
    for (String name : List.of("bge_embed", "bge_rerank", "qwen_chat", "qwen_next")) {
      eas.awaitRunning(name);
    }
  }

  @AfterAll
  static void stop() {
    eas.close();
  }

  private static InferenceClient client(String name) {
    return InferenceClient.builder().endpoint(eas.endpoint(name)).token(eas.token(name)).build();
  }

  @Test
  void embeddingAndRerankBatchers() {
    try (InferenceClient client = client("bge_embed");
        InferenceClient reranker = client("bge_rerank")) {
      // tag::batcher[]
      BatchSettings settings =
          BatchSettings.builder()
              .maxItems(64) // texts per HTTP call
              .maxTokens(8192) // estimated tokens per call (chars / 4 unless tokenEstimator(..))
              .maxWait(Duration.ofMillis(5)) // longest wait for company while a slot is free
              .maxInFlight(4) // batched calls at once
              .build();
      try (EmbeddingBatcher batcher = client.embeddingBatcher(settings)) {
        CompletableFuture<float[]> v = batcher.embed("What is PAI-EAS?"); // from any thread
        CompletableFuture<float[]> w = batcher.embed("How do I deploy a model?");
        float[] vector = v.join(); // both texts normally shared one POST /v1/embeddings
      } // close() sends what is pending and waits for it
      // end::batcher[]

      // tag::rerank-batcher[]
      try (RerankBatcher batcher = reranker.rerankBatcher(BatchSettings.defaults())) {
        RerankRequest mine =
            RerankRequest.builder()
                .query("deploy a model on EAS")
                .addDocuments("a recipe for soup", "how to deploy a model on EAS")
                .topN(1)
                .build();
        CompletableFuture<RerankResult> ranked = batcher.rerank(mine); // same query: one call
        int best = ranked.join().results().get(0).index(); // 1: an index into mine.documents()
      }
      // end::rerank-batcher[]
    }
  }

  @Test
  void shadowMirroring() {
    try (InferenceClient client = client("qwen_chat");
        InferenceClient candidate = client("qwen_next")) {
      // tag::shadow[]
      ShadowRecorder recorder = ShadowRecorder.withCapacity(1_000); // keeps the newest 1,000
      ShadowMirror mirror =
          ShadowMirror.builder()
              .primary(client)
              .shadow(candidate) // its own client, its own limits
              .settings(
                  ShadowSettings.builder()
                      .share(0.2) // by a hash of the request id: replays pick the same requests
                      .maxConcurrent(8) // more shadow calls than this are dropped and counted
                      .build())
              .listener(recorder)
              .build();
      ChatRequest request = ChatRequest.builder().user("What is PAI-EAS?").maxTokens(16).build();
      ChatResult answer = mirror.chat(request); // always the primary's answer
      for (ShadowComparison c : recorder.comparisons()) {
        System.out.printf(
            "%s primary %s shadow %s same=%b%n",
            c.requestId(), c.primary().latency(), c.shadow().latency(), c.sameText());
      }
      // end::shadow[]
      assertThat(answer.text()).isNotEmpty();
      assertThat(mirror.stats().requests()).isEqualTo(1);
    }
  }
}
