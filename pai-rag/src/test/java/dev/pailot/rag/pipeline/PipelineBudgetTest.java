package dev.pailot.rag.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StagePolicy;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.ingest.Document;
import dev.pailot.rag.ingest.Ingestor;
import dev.pailot.rag.rerank.FusionReranker;
import dev.pailot.rag.rerank.Reranked;
import dev.pailot.rag.rerank.Reranker;
import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.LuceneStoreConfig;
import dev.pailot.rag.store.LuceneVectorStore;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.VectorQuery;
import dev.pailot.rag.store.VectorSimilarity;
import dev.pailot.rag.store.VectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets and policies: stages that hang far beyond their budget are abandoned, and the answer says
 * which stage degraded and why. No assertion on a tight time: the hanging stages wait on a latch
 * that is never released (up to a minute), so a pipeline that waited for them could not pass.
 */
class PipelineBudgetTest {
  private final HashEmbedder embedder = new HashEmbedder();
  private final InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.COSINE);
  private final CountDownLatch never = new CountDownLatch(1);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RagPipeline pipeline;

  @BeforeEach
  void ingest() {
    Ingestor.of(embedder, store)
        .ingest(
            List.of(
                Document.of("eas", "EAS serves models behind an OpenAI-compatible endpoint."),
                Document.of("dlc", "DLC runs distributed training jobs on spot instances."),
                Document.of("oss", "OSS stores checkpoints and model weights.")));
  }

  @AfterEach
  void close() {
    never.countDown();
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** A reranker that sleeps far beyond any budget and records whether it was interrupted. */
  private final class HangingReranker implements Reranker {
    final AtomicBoolean interrupted = new AtomicBoolean();
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public List<Reranked> rerank(String query, List<SearchHit> candidates, int topN) {
      started.countDown();
      try {
        never.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
      }
      throw new AssertionError("the pipeline waited for the hanging reranker");
    }

    @Override
    public String name() {
      return "hanging-cross-encoder";
    }
  }

  /**
   * Stages that are not under test get 10 s, so a cold JVM on a busy machine cannot make them
   * overrun; the stage under test gets {@code tight}.
   */
  private static Budgets relaxedExcept(Stage stage, Duration tight) {
    Budgets.Builder b = Budgets.builder().fallbackRerank(Duration.ofSeconds(10));
    for (Stage s : Stage.values()) {
      b.putBudget(s, s == stage ? tight : Duration.ofSeconds(10));
    }
    return b.build();
  }

  private RagPipelineBuilder pipeline(Embedder e, VectorStore s, Stage tight) {
    return RagPipeline.builder()
        .embedder(e)
        .store(s)
        .meterRegistry(registry)
        .topK(3)
        .topN(2)
        .budgets(relaxedExcept(tight, Duration.ofMillis(200)));
  }

  @Test
  void slowRerankerDegradesToRetrievalOrderWithoutWaitingForIt() throws Exception {
    HangingReranker slow = new HangingReranker();
    pipeline = pipeline(embedder, store, Stage.RERANK).reranker(slow).build();

    RagContext context = pipeline.ask("Which service serves models?").retrieve();

    // Returned although the reranker can only end by interruption: the pipeline did not wait.
    assertThat(slow.started.await(0, TimeUnit.SECONDS)).isTrue();
    StageReport rerank = stage(context, Stage.RERANK);
    assertThat(rerank.outcome()).isEqualTo(StageOutcome.DEGRADED);
    assertThat(rerank.reason().orElseThrow())
        .isEqualTo("hanging-cross-encoder exceeded its 200 ms budget; kept retrieval order");
    assertThat(context.degraded()).isTrue();
    assertThat(context.chunks()).hasSize(2);
    assertThat(context.chunks().get(0).hit().documentId()).isEqualTo("eas");
    assertThat(context.chunks().get(0).score()).isEqualTo(context.chunks().get(0).hit().score());
    awaitInterrupted(slow);
    assertThat(registry.counter("rag.stage.degradations", "stage", "rerank").count()).isEqualTo(1);
    assertThat(registry.counter("rag.stage.overruns", "stage", "rerank").count()).isEqualTo(1);
  }

  @Test
  void slowRerankerFallsBackToFusion() {
    pipeline =
        pipeline(embedder, store, Stage.RERANK)
            .reranker(new HangingReranker())
            .fallbackReranker(FusionReranker.local())
            .build();

    RagContext context = pipeline.ask("Which service serves models?").retrieve();

    assertThat(stage(context, Stage.RERANK).reason().orElseThrow())
        .isEqualTo(
            "hanging-cross-encoder exceeded its 200 ms budget; reranked by fusion-rrf-local-bm25");
    assertThat(context.chunks().get(0).hit().documentId()).isEqualTo("eas");
  }

  @Test
  void failPolicyFailsTheRequestNamingTheStage() {
    pipeline =
        pipeline(embedder, store, Stage.RERANK)
            .reranker(new HangingReranker())
            .budgets(
                relaxedExcept(Stage.RERANK, Duration.ofMillis(200)).toBuilder()
                    .putPolicy(Stage.RERANK, StagePolicy.FAIL)
                    .build())
            .build();

    assertThatThrownBy(() -> pipeline.ask("Which service serves models?").retrieve())
        .isInstanceOf(StageFailedException.class)
        .hasMessageContaining("RAG stage rerank failed")
        .hasMessageContaining("exceeded its 200 ms budget; policy FAIL")
        .satisfies(
            e ->
                assertThat(((StageFailedException) e).report().outcome())
                    .isEqualTo(StageOutcome.FAILED));
  }

  @Test
  void slowEmbedderServesACachedEmbeddingOfTheSameQuery() {
    AtomicBoolean hang = new AtomicBoolean();
    Embedder flaky =
        new Embedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            if (hang.get()) {
              try {
                never.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new AssertionError("the pipeline waited for the hanging embedder");
            }
            return embedder.embed(texts);
          }

          @Override
          public int dimension() {
            return embedder.dimension();
          }

          @Override
          public String name() {
            return embedder.name();
          }
        };
    pipeline = pipeline(flaky, store, Stage.EMBED).build();
    pipeline.ask("Which service serves models?").retrieve();
    hang.set(true);

    RagContext again = pipeline.ask("which service serves models").retrieve();

    StageReport embed = stage(again, Stage.EMBED);
    assertThat(embed.outcome()).isEqualTo(StageOutcome.DEGRADED);
    assertThat(embed.reason().orElseThrow())
        .isEqualTo("embed exceeded its 200 ms budget; served a cached embedding");
    assertThat(again.chunks().get(0).hit().documentId()).isEqualTo("eas");
    assertThatThrownBy(() -> pipeline.ask("an uncached question").retrieve())
        .isInstanceOf(StageFailedException.class)
        .hasMessageContaining("no cached embedding to serve");
  }

  @Test
  void slowEmbedderWithNothingCachedRetrievesByBm25WhenTheStoreHasIt(@TempDir Path dir) {
    Embedder hanging =
        new Embedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            try {
              never.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new AssertionError("the pipeline waited for the hanging embedder");
          }

          @Override
          public int dimension() {
            return embedder.dimension();
          }

          @Override
          public String name() {
            return embedder.name();
          }
        };
    try (LuceneVectorStore lucene =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      Ingestor.of(embedder, lucene)
          .ingest(
              List.of(
                  Document.of("eas", "EAS serves models behind an OpenAI-compatible endpoint."),
                  Document.of("dlc", "DLC runs distributed training jobs on spot instances.")));
      pipeline = pipeline(hanging, lucene, Stage.EMBED).build();

      RagContext context = pipeline.ask("distributed training jobs").retrieve();

      assertThat(stage(context, Stage.EMBED).reason().orElseThrow())
          .isEqualTo(
              "embed exceeded its 200 ms budget; no cached embedding, retrieving by BM25 only");
      assertThat(stage(context, Stage.RETRIEVE).outcome()).isEqualTo(StageOutcome.OK);
      assertThat(context.chunks().get(0).hit().documentId()).isEqualTo("dlc");
    }
  }

  @Test
  void slowRetrievalRetriesWithASmallerK() {
    AtomicInteger lastK = new AtomicInteger();
    VectorStore slowForLargeK =
        new VectorStore() {
          @Override
          public void upsert(List<dev.pailot.rag.store.StoredChunk> chunks) {}

          @Override
          public void deleteDocument(String documentId) {}

          @Override
          public List<SearchHit> search(VectorQuery query) {
            lastK.set(query.topK());
            if (query.topK() > 5) {
              try {
                never.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return store.search(query);
          }

          @Override
          public long count() {
            return store.count();
          }

          @Override
          public VectorSimilarity similarity() {
            return VectorSimilarity.COSINE;
          }

          @Override
          public void close() {}
        };
    pipeline =
        RagPipeline.builder()
            .embedder(embedder)
            .store(slowForLargeK)
            .topK(20)
            .topN(2)
            .budgets(relaxedExcept(Stage.RETRIEVE, Duration.ofSeconds(2)))
            .build();

    RagContext context = pipeline.ask("Which service serves models?").retrieve();

    assertThat(lastK).hasValue(5);
    assertThat(stage(context, Stage.RETRIEVE).reason().orElseThrow())
        .isEqualTo("retrieve exceeded its 2000 ms budget; retried with K=5");
    assertThat(context.retrieved()).isEqualTo(3);
  }

  @Test
  void failingRerankerDegradesWithItsError() {
    Reranker broken =
        new Reranker() {
          @Override
          public List<Reranked> rerank(String query, List<SearchHit> candidates, int topN) {
            throw new IllegalStateException("connection refused");
          }

          @Override
          public String name() {
            return "broken";
          }
        };
    pipeline = pipeline(embedder, store, Stage.RERANK).reranker(broken).build();

    RagContext context = pipeline.ask("Which service serves models?").retrieve();

    assertThat(stage(context, Stage.RERANK).reason().orElseThrow())
        .isEqualTo(
            "broken failed (IllegalStateException: connection refused); kept retrieval order");
    assertThat(registry.find("rag.stage.overruns").tag("stage", "rerank").counter()).isNull();
  }

  private static StageReport stage(RagContext context, Stage stage) {
    return context.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
  }

  private static void awaitInterrupted(HangingReranker r) throws InterruptedException {
    for (int i = 0; i < 500 && !r.interrupted.get(); i++) {
      Thread.sleep(10);
    }
    assertThat(r.interrupted).isTrue();
  }
}
