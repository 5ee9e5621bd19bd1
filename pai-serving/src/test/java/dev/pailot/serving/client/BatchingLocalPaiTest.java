package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.RerankBatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Micro-batching against LocalPai's embedding and rerank engines behind the EAS gateway: what a
 * batcher returns to each caller equals what a call of its own returns, with fewer HTTP calls.
 */
class BatchingLocalPaiTest {
  private static LocalEas eas;
  private static InferenceClient embed;
  private static InferenceClient rerank;

  @BeforeAll
  static void deploy() {
    eas = LocalEas.start();
    eas.create(
        LocalEas.image(
            "embed",
            "ghcr.io/huggingface/text-embeddings-inference:1.5",
            "text-embeddings-router --model-id BAAI/bge-small-en-v1.5"));
    eas.create(
        LocalEas.image("rerank", "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3"));
    eas.awaitRunning("embed");
    eas.awaitRunning("rerank");
    embed = client("embed");
    rerank = client("rerank");
  }

  @AfterAll
  static void stop() {
    embed.close();
    rerank.close();
    eas.close();
  }

  private static InferenceClient client(String name) {
    return InferenceClient.builder().endpoint(eas.endpoint(name)).token(eas.token(name)).build();
  }

  @Test
  void batchedVectorsEqualSingleCallVectors() {
    List<String> texts = IntStream.range(0, 40).mapToObj(i -> "text number " + i).toList();
    List<CompletableFuture<float[]>> batched = new ArrayList<>();
    BatchSettings settings =
        BatchSettings.builder().maxItems(16).maxWait(Duration.ofHours(1)).maxInFlight(2).build();
    try (EmbeddingBatcher batcher = embed.embeddingBatcher(settings)) {
      texts.forEach(t -> batched.add(batcher.embed(t)));
    } // 16 + 16 leave full; close sends the last 8
    for (int i = 0; i < texts.size(); i++) {
      float[] alone =
          embed
              .embed(EmbeddingRequest.builder().addInputs(texts.get(i)).build())
              .embeddings()
              .get(0)
              .vector();
      assertThat(Await.result(batched.get(i))).as(texts.get(i)).containsExactly(alone);
    }
  }

  @Test
  void batchedRerankEqualsSingleCallRerank() {
    List<RerankRequest> requests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      requests.add(
          RerankRequest.builder()
              .query(i % 2 == 0 ? "deploy a model on EAS" : "train on spot instances")
              .addDocuments("a recipe for soup " + i, "how to deploy a model on EAS " + i)
              .addDocuments("spot instances for training " + i)
              .topN(2)
              .build());
    }
    List<CompletableFuture<RerankResult>> batched = new ArrayList<>();
    BatchSettings settings = BatchSettings.builder().maxWait(Duration.ofHours(1)).build();
    try (RerankBatcher batcher = rerank.rerankBatcher(settings)) {
      requests.forEach(r -> batched.add(batcher.rerank(r)));
    }
    for (int i = 0; i < requests.size(); i++) {
      RerankResult alone = rerank.rerank(requests.get(i));
      RerankResult mine = Await.result(batched.get(i));
      assertThat(mine.results()).as("request " + i).isEqualTo(alone.results());
    }
  }
}
