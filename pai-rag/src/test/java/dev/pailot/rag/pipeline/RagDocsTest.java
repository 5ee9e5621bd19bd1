package dev.pailot.rag.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StagePolicy;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.embed.EmbeddingCache;
import dev.pailot.rag.embed.MiniLmEmbedder;
import dev.pailot.rag.embed.RemoteEmbedder;
import dev.pailot.rag.ingest.Document;
import dev.pailot.rag.ingest.IngestReport;
import dev.pailot.rag.ingest.Ingestor;
import dev.pailot.rag.ingest.TokenChunker;
import dev.pailot.rag.rerank.CrossEncoderReranker;
import dev.pailot.rag.rerank.FusionReranker;
import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.MetadataFilter;
import dev.pailot.rag.store.VectorSimilarity;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.RerankBatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets of docs/rag.md, compiled and run against LocalPai. */
class RagDocsTest {
  @RegisterExtension static final LocalModels models = LocalModels.perClass();

  @Test
  void snippets() throws Exception {
    InferenceClient chatClient = models.client("rag_chat");
    InferenceClient rerankClient = models.client("rag_rerank");
    InferenceClient embedClient = models.client("rag_embed");
    // tag::embedders[]
    MiniLmEmbedder embedder = MiniLmEmbedder.create(); // in-process, from the jar; ~1 s to load
    RemoteEmbedder remote = RemoteEmbedder.of(embedClient, "BAAI/bge-small-en-v1.5", 384); // on EAS
    EmbeddingCache cache = EmbeddingCache.ofCapacity(10_000); // query vectors, LRU
    // end::embedders[]
    assertThat(remote.embed("hello")).hasSize(384);
    // tag::batched[]
    EmbeddingBatcher embedBatcher = embedClient.embeddingBatcher(BatchSettings.defaults());
    RerankBatcher rerankBatcher = rerankClient.rerankBatcher(BatchSettings.defaults());
    RemoteEmbedder batched = RemoteEmbedder.batched(embedBatcher, "BAAI/bge-small-en-v1.5", 384);
    CrossEncoderReranker sharedReranker =
        CrossEncoderReranker.batched(rerankBatcher, "BAAI/bge-reranker-v2-m3");
    // Pipelines and ingestors using them from many threads now share HTTP calls.
    // Close the batchers after those: rerankBatcher.close(); embedBatcher.close();
    // end::batched[]
    assertThat(batched.embed(List.of("hello", "world"))).hasSize(2);
    assertThat(sharedReranker.name()).contains("bge-reranker");
    rerankBatcher.close();
    embedBatcher.close();
    InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.DOT_PRODUCT);
    // tag::ingest[]
    Ingestor ingestor =
        Ingestor.of(embedder, store) // chunks of 200 MiniLM tokens, overlap 40, batches of 32
            .withChunker(TokenChunker.of(embedder.tokenCounter(), 200, 40));
    IngestReport first =
        ingestor.ingest(
            List.of(
                Document.builder()
                    .id("eas-autoscaling")
                    .text("The EAS autoscaler sets the replica count from QPS per instance ...")
                    .putMetadata("product", "eas")
                    .build(),
                Document.builder()
                    .id("dlc-spot")
                    .text("DLC spot jobs resume from the newest complete checkpoint ...")
                    .putMetadata("product", "dlc")
                    .build()));
    IngestReport again = ingestor.ingest(List.of(/* the same documents */ ));
    // end::ingest[]
    assertThat(first.added()).isEqualTo(2);
    assertThat(again.chunks()).isZero();
    // tag::budgets[]
    Budgets budgets =
        Budgets.builder()
            .putBudget(Stage.RERANK, Duration.ofMillis(120)) // others keep the blueprint's
            .putPolicy(Stage.EMBED, StagePolicy.FAIL) // others DEGRADE
            .fallbackRerank(Duration.ofMillis(20))
            .build();
    // end::budgets[]
    budgets = relaxed(); // this test runs on a shared machine: no budget should bite here
    // tag::pipeline[]
    RagPipeline pipeline =
        RagPipeline.builder()
            .embedder(embedder) // the one the chunks were embedded with
            .store(store)
            .reranker(CrossEncoderReranker.of(rerankClient, "BAAI/bge-reranker-v2-m3"))
            .fallbackReranker(FusionReranker.local()) // or FusionReranker.withLexical(luceneStore)
            .generator(chatClient, "qwen")
            .maxTokens(256)
            .budgets(budgets)
            .embeddingCache(cache)
            .topK(20)
            .topN(3)
            .contextTokens(1024)
            .build();
    // end::pipeline[]
    // tag::ask[]
    RagAnswer answer =
        pipeline
            .ask("How does EAS choose the number of replicas?")
            .filter(MetadataFilter.equalTo("product", "eas"))
            .answer();
    System.out.println(answer.text());
    answer.citations().forEach(c -> System.out.println("[" + c.number() + "] " + c.chunkId()));
    answer.stages().forEach(s -> System.out.println(s.toLine())); // time / budget, outcome
    answer.degradations().forEach(s -> System.out.println("degraded: " + s.reason().orElse("")));
    // end::ask[]
    assertThat(answer.citations())
        .extracting(c -> c.documentId())
        .containsExactly("eas-autoscaling");
    // tag::stream[]
    RagHandle handle =
        pipeline.ask("How do spot jobs resume?").stream(
            new RagListener() {
              @Override
              public void onStage(StageReport stage) {
                System.out.println(stage.toLine()); // as each stage ends
              }

              @Override
              public void onDelta(String text) {
                System.out.print(text); // on the inference client's I/O thread
              }
            });
    RagAnswer streamed = handle.result().get(30, TimeUnit.SECONDS); // handle.close() cancels
    // end::stream[]
    assertThat(streamed.citations().get(0).documentId()).isEqualTo("dlc-spot");
    // tag::retrieve[]
    RagContext context = pipeline.ask("How do spot jobs resume?").retrieve(); // no generation
    String prompt = context.prompt().user(); // numbered context + question, for your own LLM call
    // end::retrieve[]
    assertThat(prompt).contains("[1] DLC spot jobs");
    pipeline.close();
    embedder.close();
  }

  private static Budgets relaxed() {
    Budgets.Builder b = Budgets.builder();
    for (Stage s : Stage.values()) {
      b.putBudget(s, Duration.ofSeconds(10));
    }
    return b.build();
  }
}
