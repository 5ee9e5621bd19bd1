package dev.pailot.rag.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StagePolicy;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.embed.RemoteEmbedder;
import dev.pailot.rag.ingest.Document;
import dev.pailot.rag.ingest.Ingestor;
import dev.pailot.rag.rerank.CrossEncoderReranker;
import dev.pailot.rag.rerank.FusionReranker;
import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.VectorSimilarity;
import dev.pailot.testkit.SecretLeakGuard;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole pipeline against LocalPai: embeddings from an EAS embedding service, the cross-encoder
 * from an EAS rerank service, the answer streamed from a vLLM service, meters in Prometheus form.
 */
class LocalPaiRagTest {
  @RegisterExtension static final LocalModels models = LocalModels.perClass();

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create();

  /** Generous budgets: this test is about behaviour on a shared 2-core machine, not speed. */
  private static Budgets relaxed() {
    Budgets.Builder b = Budgets.builder();
    for (Stage s : Stage.values()) {
      b.putBudget(s, Duration.ofSeconds(10));
    }
    return b.build();
  }

  @Test
  void answersWithCitationsStageReportsAndMeters() throws Exception {
    List.of("rag_chat", "rag_chat_slow", "rag_embed", "rag_rerank")
        .forEach(s -> guard.secret(models.token(s)));
    RemoteEmbedder embedder =
        RemoteEmbedder.of(models.client("rag_embed"), "BAAI/bge-small-en-v1.5", 384);
    InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.DOT_PRODUCT);
    Ingestor.of(embedder, store)
        .ingest(
            List.of(
                Document.of("autoscale", "The EAS autoscaler sets replicas from QPS per instance."),
                Document.of("bluegreen", "A blue-green release shifts traffic between versions."),
                Document.of("spot", "DLC spot jobs resume from the newest checkpoint.")));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<String> events = new CopyOnWriteArrayList<>();
    try (RagPipeline pipeline =
        RagPipeline.builder()
            .embedder(embedder)
            .store(store)
            .reranker(
                CrossEncoderReranker.of(models.client("rag_rerank"), "BAAI/bge-reranker-v2-m3"))
            .fallbackReranker(FusionReranker.local())
            .generator(models.client("rag_chat"), "qwen")
            .maxTokens(12)
            .topK(3)
            .topN(2)
            .budgets(relaxed())
            .meterRegistry(registry)
            .build()) {
      RagHandle handle =
          pipeline.ask("How does the autoscaler choose replicas from QPS?").stream(
              new RagListener() {
                @Override
                public void onStage(StageReport report) {
                  events.add(report.stage().tag());
                }

                @Override
                public void onContext(RagContext context) {
                  events.add("context");
                }

                @Override
                public void onDelta(String text) {
                  if (!events.contains("delta")) {
                    events.add("delta");
                  }
                }

                @Override
                public void onComplete(RagAnswer answer) {
                  events.add("complete");
                }
              });
      RagAnswer answer = handle.result().get(60, TimeUnit.SECONDS);

      assertThat(events)
          .containsExactly(
              "embed",
              "retrieve",
              "rerank",
              "assemble",
              "context",
              "generate",
              "delta",
              "complete");
      assertThat(answer.text().trim().split(" ")).hasSize(12);
      assertThat(answer.citations()).hasSize(2);
      assertThat(answer.citations().get(0).documentId()).isEqualTo("autoscale");
      assertThat(answer.citations().get(0).number()).isEqualTo(1);
      assertThat(answer.stages())
          .extracting(StageReport::stage)
          .containsExactly(
              Stage.EMBED, Stage.RETRIEVE, Stage.RERANK, Stage.ASSEMBLE, Stage.GENERATE);
      assertThat(answer.stages())
          .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(StageOutcome.OK));
      assertThat(answer.degradations()).isEmpty();
      assertThat(answer.timeToFirstToken().orElseThrow()).isLessThanOrEqualTo(answer.total());
      assertThat(answer.context().prompt().user()).contains("[1] The EAS autoscaler");
      String scrape = registry.scrape();
      assertThat(scrape)
          .contains("rag_stage_duration_seconds_count{outcome=\"ok\",stage=\"rerank\"} 1")
          .contains("rag_stage_duration_seconds_count{outcome=\"ok\",stage=\"generate\"} 1")
          .contains("rag_ttft_seconds_count 1");
    }
  }

  private RagPipeline slowGeneration(StagePolicy policy) {
    HashEmbedder embedder = new HashEmbedder();
    InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.COSINE);
    Ingestor.of(embedder, store).ingest(List.of(Document.of("a", "Spot jobs resume.")));
    return RagPipeline.builder()
        .embedder(embedder)
        .store(store)
        .generator(models.client("rag_chat_slow"), "qwen")
        .maxTokens(2)
        .budgets(
            relaxed().toBuilder()
                .putBudget(Stage.GENERATE, Duration.ofMillis(50))
                .putPolicy(Stage.GENERATE, policy)
                .build())
        .build();
  }

  @Test
  void aLateFirstTokenFailsTheRequestUnderFailPolicy() {
    try (RagPipeline pipeline = slowGeneration(StagePolicy.FAIL)) {
      RagHandle handle = pipeline.ask("How do spot jobs resume?").stream(text -> {});

      assertThat(handle.result())
          .failsWithin(Duration.ofSeconds(60))
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(StageFailedException.class)
          .withMessageContaining("no first token within the 50 ms budget; policy FAIL");
    }
  }

  @Test
  void aLateFirstTokenIsReportedUnderDegradePolicy() {
    try (RagPipeline pipeline = slowGeneration(StagePolicy.DEGRADE)) {
      RagAnswer answer = pipeline.ask("How do spot jobs resume?").answer();

      assertThat(answer.generation().outcome()).isEqualTo(StageOutcome.OVERRUN);
      assertThat(answer.generation().reason()).contains("first token after the 50 ms budget");
      assertThat(answer.degradations()).containsExactly(answer.generation());
      assertThat(answer.text()).isNotBlank();
    }
  }

  @Test
  void crossEncoderOrdersByTheQueryWordsTheDocumentsShare() {
    CrossEncoderReranker reranker =
        CrossEncoderReranker.of(models.client("rag_rerank"), "BAAI/bge-reranker-v2-m3");
    InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.COSINE);
    HashEmbedder embedder = new HashEmbedder();
    Ingestor.of(embedder, store)
        .ingest(
            List.of(
                Document.of("x", "Nothing relevant here at all."),
                Document.of("y", "Checkpoints let spot training resume.")));
    var hits = store.search(dev.pailot.rag.store.VectorQuery.of(embedder.embed("zzz"), 2));

    var out = reranker.rerank("resume spot training from checkpoints", hits, 1);

    assertThat(out).hasSize(1);
    assertThat(out.get(0).hit().documentId()).isEqualTo("y");
    assertThat(out.get(0).rank()).isEqualTo(1);
  }
}
