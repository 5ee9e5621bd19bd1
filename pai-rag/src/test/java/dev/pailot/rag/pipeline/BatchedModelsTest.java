package dev.pailot.rag.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.embed.RemoteEmbedder;
import dev.pailot.rag.rerank.CrossEncoderReranker;
import dev.pailot.rag.rerank.Reranked;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.RerankBatcher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RemoteEmbedder#batched} and {@link CrossEncoderReranker#batched} against LocalPai:
 * concurrent callers share HTTP calls and each gets its own answer back. The batches here leave
 * only when full (a 30 s {@code maxWait} and as many items as the callers send together), so the
 * number of calls does not depend on timing: were the callers not coalesced, there would be more
 * than one batch.
 */
class BatchedModelsTest {
  private static final String EMBED_MODEL = "BAAI/bge-small-en-v1.5";
  private static final String RERANK_MODEL = "BAAI/bge-reranker-v2-m3";
  @RegisterExtension static final LocalModels models = LocalModels.perClass();

  private static BatchSettings fullBatchesOf(int items) {
    return BatchSettings.builder()
        .maxItems(items)
        .maxWait(Duration.ofSeconds(30))
        .maxInFlight(1)
        .build();
  }

  private static <T> List<T> concurrently(int callers, Function<Integer, T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        int caller = i;
        futures.add(pool.submit(() -> call.apply(caller)));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static DistributionSummary batchSizes(SimpleMeterRegistry registry) {
    return registry.get("inference.batch.size").summary();
  }

  @Test
  void concurrentEmbedCallsShareOneRequestAndGetTheirOwnVectors() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InferenceClient client = models.client("rag_embed", registry);
    RemoteEmbedder plain = RemoteEmbedder.of(client, EMBED_MODEL, 384);
    List<List<String>> texts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      texts.add(List.of("question " + i + " about EAS", "chunk " + i + " about DLC spot jobs"));
    }
    List<List<float[]>> batched;
    try (EmbeddingBatcher batcher = client.embeddingBatcher(fullBatchesOf(8))) {
      RemoteEmbedder embedder = RemoteEmbedder.batched(batcher, EMBED_MODEL, 384);
      batched = concurrently(4, i -> embedder.embed(texts.get(i)));
    }

    assertThat(batchSizes(registry).count()).isEqualTo(1);
    assertThat(batchSizes(registry).totalAmount()).isEqualTo(8);
    for (int i = 0; i < 4; i++) {
      List<float[]> alone = plain.embed(texts.get(i));
      assertThat(batched.get(i)).hasSize(2);
      assertThat(batched.get(i).get(0)).containsExactly(alone.get(0));
      assertThat(batched.get(i).get(1)).containsExactly(alone.get(1));
    }
  }

  private static List<SearchHit> candidates(int caller) {
    List<String> texts =
        List.of(
            "A blue-green release shifts traffic between two EAS services.",
            "DLC spot jobs resume from the newest checkpoint after preemption.",
            "The autoscaler sets EAS replicas from QPS per instance.");
    List<SearchHit> hits = new ArrayList<>();
    for (int j = 0; j < texts.size(); j++) {
      int n = (j + caller) % texts.size();
      hits.add(
          SearchHit.builder()
              .chunkId(caller + "/" + n)
              .documentId("doc" + n)
              .text(texts.get(n))
              .score(0.5f)
              .rank(j + 1)
              .build());
    }
    return hits;
  }

  private static List<String> ids(List<Reranked> ranked) {
    return ranked.stream().map(r -> r.hit().chunkId()).toList();
  }

  @Test
  void concurrentRerankCallsForOneQueryShareOneRequest() throws Exception {
    String query = "how does a blue-green release move traffic?";
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InferenceClient client = models.client("rag_rerank", registry);
    CrossEncoderReranker plain = CrossEncoderReranker.of(client, RERANK_MODEL);
    List<List<Reranked>> batched;
    try (RerankBatcher batcher = client.rerankBatcher(fullBatchesOf(9))) {
      CrossEncoderReranker reranker = CrossEncoderReranker.batched(batcher, RERANK_MODEL);
      batched = concurrently(3, i -> reranker.rerank(query, candidates(i), 2));
    }

    assertThat(batchSizes(registry).count()).isEqualTo(1);
    assertThat(batchSizes(registry).totalAmount()).isEqualTo(9);
    for (int i = 0; i < 3; i++) {
      String mine = i + "/";
      List<Reranked> alone = plain.rerank(query, candidates(i), 2);
      assertThat(ids(batched.get(i))).hasSize(2).allMatch(id -> id.startsWith(mine));
      assertThat(ids(batched.get(i))).isEqualTo(ids(alone));
      assertThat(batched.get(i).get(0).score()).isEqualTo(alone.get(0).score());
    }
  }
}
