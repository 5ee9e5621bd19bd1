package dev.pailot.examples.demo;

import dev.pailot.core.Pai;
import dev.pailot.examples.eas.ExampleServices;
import dev.pailot.rag.assemble.Citation;
import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.embed.MiniLmEmbedder;
import dev.pailot.rag.ingest.Document;
import dev.pailot.rag.ingest.IngestReport;
import dev.pailot.rag.ingest.Ingestor;
import dev.pailot.rag.pipeline.RagAnswer;
import dev.pailot.rag.pipeline.RagPipeline;
import dev.pailot.rag.rerank.CrossEncoderReranker;
import dev.pailot.rag.rerank.FusionReranker;
import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.VectorSimilarity;
import dev.pailot.serving.client.EasInference;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.ServiceSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo stage: RAG over a few of Pailot's own docs pages. The chunks are embedded in-process with
 * all-MiniLM-L6-v2 into an in-memory store; questions are answered through an LLM service and a
 * cross-encoder deployed on LocalPai's EAS (with local score fusion as the fallback), printing per
 * stage the time against its budget and the citations. LocalPai's engine writes placeholder words,
 * so the answers' text is not meant to be read; the retrieval and the citations are real.
 */
public final class RagStage {
  /** The docs pages ingested, from the repository's {@code docs/} folder. */
  static final List<String> PAGES = List.of("getting-started.md", "client.md", "localpai.md");

  /** The questions asked. */
  static final List<String> QUESTIONS =
      List.of(
          "How many concurrent requests per host does OkHttp allow by default?",
          "How does LocalPai decide which engine runs inside a replica?");

  private final Pai pai;
  private final Path docs;
  private final PrintStream out;
  private MeterRegistry registry;

  /** What the stage did. */
  public record Result(IngestReport ingest, List<RagAnswer> answers) {}

  /**
   * Creates the stage.
   *
   * @param pai client pointed at LocalPai
   * @param docs the repository's {@code docs/} folder
   * @param out where progress is printed
   */
  public RagStage(Pai pai, Path docs, PrintStream out) {
    this.pai = pai;
    this.docs = docs;
    this.out = out;
  }

  /**
   * Records the pipeline's stage metrics ({@code rag_stage_duration_seconds}) on a registry.
   *
   * @param registry the registry
   * @return this stage
   */
  public RagStage meterRegistry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /**
   * The repository's {@code docs/} folder, from the working directory or its parent (the demo runs
   * from the repository root or from {@code examples/}).
   *
   * @return the folder
   */
  public static Path defaultDocs() {
    for (Path p : List.of(Path.of("docs"), Path.of("../docs"))) {
      if (Files.isRegularFile(p.resolve("client.md"))) {
        return p;
      }
    }
    throw new IllegalStateException("run the demo from the repository root: docs/ not found");
  }

  /**
   * Runs the stage.
   *
   * @return the ingestion report and the answers
   */
  public Result run() {
    out.println();
    out.println("== 4. RAG: answers with citations, per-stage latency budgets");
    deploy(
        ExampleServices.vllm(
            "demo_chat",
            "vllm serve /mnt/model --served-model-name qwen",
            "qwen2.5-0.5b-instruct",
            Map.of()));
    deploy(
        ExampleServices.container(
            "demo_rerank", "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3"));
    try (MiniLmEmbedder embedder = MiniLmEmbedder.create();
        InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.DOT_PRODUCT);
        InferenceClient chat = EasInference.create(pai, "demo_chat");
        InferenceClient rerank = EasInference.create(pai, "demo_rerank")) {
      IngestReport ingest = Ingestor.of(embedder, store).ingest(documents());
      out.printf(
          "Ingested %d pages: %d chunks, %d tokens, in %d ms%n",
          ingest.added(), ingest.chunks(), ingest.tokens(), ingest.elapsed().toMillis());
      // The blueprint's budgets, except embed: on a shared 2-core CI machine a cold in-process
      // embedding can take longer than 60 ms, and with nothing cached the request would fail.
      Budgets budgets = Budgets.builder().putBudget(Stage.EMBED, Duration.ofMillis(500)).build();
      List<RagAnswer> answers = new ArrayList<>();
      try (RagPipeline pipeline =
          RagPipeline.builder()
              .embedder(embedder)
              .store(store)
              .reranker(CrossEncoderReranker.of(rerank, "BAAI/bge-reranker-v2-m3"))
              .fallbackReranker(FusionReranker.local())
              .generator(chat, "qwen")
              .maxTokens(24)
              .budgets(budgets)
              .meterRegistry(registry)
              .build()) {
        for (String question : QUESTIONS) {
          RagAnswer answer = pipeline.ask(question).answer();
          print(question, answer);
          answers.add(answer);
        }
      }
      return new Result(ingest, answers);
    }
  }

  private void print(String question, RagAnswer answer) {
    out.println();
    out.println("Q: " + question);
    out.println("A: " + answer.text().trim() + " (LocalPai's placeholder words)");
    for (Citation c : answer.citations()) {
      String first = c.text().lines().findFirst().orElse("");
      out.printf(
          "  [%d] %s  %.3f  %s%n",
          c.number(),
          c.chunkId(),
          c.score(),
          first.length() > 70 ? first.substring(0, 70) + "..." : first);
    }
    for (StageReport s : answer.stages()) {
      out.println("  " + s.toLine());
    }
    out.printf(
        "  time to first token %d ms, total %d ms%n",
        answer.timeToFirstToken().orElse(Duration.ZERO).toMillis(), answer.total().toMillis());
  }

  private List<Document> documents() {
    List<Document> out = new ArrayList<>();
    for (String page : PAGES) {
      try {
        out.add(
            Document.builder()
                .id(page)
                .text(Files.readString(docs.resolve(page)))
                .putMetadata("source", "docs/" + page)
                .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private void deploy(ServiceSpec spec) {
    ExampleServices.deploy(pai, spec);
    out.println("+ EAS service " + spec.metadata().name() + " Running");
  }
}
