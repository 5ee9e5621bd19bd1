package dev.pailot.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
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
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.testkit.localpai.LocalPai;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pai pai;
  private final LocalPai localPai;
  private final Path docs;
  private final PrintStream out;
  private MeterRegistry registry;

  /** What the stage did. */
  public record Result(IngestReport ingest, List<RagAnswer> answers) {}

  /**
   * Creates the stage.
   *
   * @param pai client pointed at LocalPai
   * @param localPai the emulator, whose EAS runs the LLM and the reranker
   * @param docs the repository's {@code docs/} folder
   * @param out where progress is printed
   */
  public RagStage(Pai pai, LocalPai localPai, Path docs, PrintStream out) {
    this.pai = pai;
    this.localPai = localPai;
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
        service(
            "demo_chat",
            "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5",
            "vllm serve /mnt/model --served-model-name qwen"));
    deploy(
        service("demo_rerank", "registry/bge-reranker-v2-m3:1", "serve BAAI/bge-reranker-v2-m3"));
    try (MiniLmEmbedder embedder = MiniLmEmbedder.create();
        InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.DOT_PRODUCT);
        InferenceClient chat = client("demo_chat");
        InferenceClient rerank = client("demo_rerank")) {
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

  private static ObjectNode service(String name, String image, String script) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    spec.putArray("containers")
        .addObject()
        .put("image", image)
        .put("port", 8000)
        .put("script", script);
    return spec;
  }

  // Raw CreateService / DescribeService through the SDK's signed transport: the typed EAS client
  // is not merged yet.
  private void deploy(ObjectNode spec) {
    PaiRuntime.of(pai)
        .call(
            ApiRequest.of(
                    Operation.roa(Product.EAS, "CreateService", "POST", "/api/v2/services", false))
                .rawBody(spec.toString())
                .build());
    String name = spec.path("metadata").path("name").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!describe(name).path("Status").asText().equals("Running")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not reach Running");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    out.println("+ EAS service " + name + " Running");
  }

  private JsonNode describe(String name) {
    return PaiRuntime.of(pai)
        .call(
            ApiRequest.of(
                    Operation.roa(
                        Product.EAS,
                        "DescribeService",
                        "GET",
                        "/api/v2/services/{ClusterId}/{ServiceName}",
                        true))
                .path("ClusterId", localPai.region())
                .path("ServiceName", name)
                .build())
        .body();
  }

  private InferenceClient client(String name) {
    JsonNode d = describe(name);
    return InferenceClient.builder()
        .endpoint(d.path("InternetEndpoint").asText())
        .token(d.path("AccessToken").asText())
        .build();
  }
}
