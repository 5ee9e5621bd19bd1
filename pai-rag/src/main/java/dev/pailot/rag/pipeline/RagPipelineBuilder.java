package dev.pailot.rag.pipeline;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.assemble.ContextAssembler;
import dev.pailot.rag.assemble.PromptTemplate;
import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.embed.EmbeddingCache;
import dev.pailot.rag.pipeline.internal.GenerationSettings;
import dev.pailot.rag.pipeline.internal.PipelineMetrics;
import dev.pailot.rag.pipeline.internal.PipelineParts;
import dev.pailot.rag.pipeline.internal.StageRunner;
import dev.pailot.rag.rerank.Reranker;
import dev.pailot.rag.store.VectorStore;
import dev.pailot.serving.client.InferenceClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link RagPipeline}. The embedder and the store are required; without a reranker the
 * retrieval order is kept; without a generator only {@link RagPipeline#retrieve} works. Not
 * thread-safe.
 */
public final class RagPipelineBuilder {
  private Embedder embedder;
  private VectorStore store;
  private Reranker reranker;
  private Reranker fallback;
  private Budgets budgets = Budgets.defaults();
  private int topK = 20;
  private int topN = 3;
  private int contextTokens = 1024;
  private PromptTemplate template = PromptTemplate.defaults();
  private EmbeddingCache cache = EmbeddingCache.ofCapacity(10_000);
  private GenerationSettings generation;
  private Integer maxTokens;
  private Double temperature;
  private MeterRegistry registry;
  private int stageThreads = 16;
  private int maxConcurrentRequests = 64;

  RagPipelineBuilder() {}

  /**
   * The query embedder (must be the one the chunks were embedded with). Required.
   *
   * @param embedder the embedder
   * @return this builder
   */
  public RagPipelineBuilder embedder(Embedder embedder) {
    this.embedder = embedder;
    return this;
  }

  /**
   * The vector store. Required.
   *
   * @param store the store
   * @return this builder
   */
  public RagPipelineBuilder store(VectorStore store) {
    this.store = store;
    return this;
  }

  /**
   * The reranker, e.g. a cross-encoder on EAS. Unset: retrieval order is kept.
   *
   * @param reranker the reranker
   * @return this builder
   */
  public RagPipelineBuilder reranker(Reranker reranker) {
    this.reranker = reranker;
    return this;
  }

  /**
   * The reranker used when the primary one overruns or fails, under {@link
   * Budgets#fallbackRerank()}, e.g. a {@link dev.pailot.rag.rerank.FusionReranker}. Unset: the
   * retrieval order is kept.
   *
   * @param fallback the fallback reranker
   * @return this builder
   */
  public RagPipelineBuilder fallbackReranker(Reranker fallback) {
    this.fallback = fallback;
    return this;
  }

  /**
   * Budgets and policies per stage. Default: {@link Budgets#defaults()}.
   *
   * @param budgets the budgets
   * @return this builder
   */
  public RagPipelineBuilder budgets(Budgets budgets) {
    this.budgets = budgets;
    return this;
  }

  /**
   * Candidates to retrieve. Default 20.
   *
   * @param topK at least 1
   * @return this builder
   */
  public RagPipelineBuilder topK(int topK) {
    this.topK = topK;
    return this;
  }

  /**
   * Chunks to keep after reranking. Default 3.
   *
   * @param topN at least 1
   * @return this builder
   */
  public RagPipelineBuilder topN(int topN) {
    this.topN = topN;
    return this;
  }

  /**
   * Tokens of context in the prompt, counted with the embedder's token counter. Default 1024.
   *
   * @param contextTokens at least 1
   * @return this builder
   */
  public RagPipelineBuilder contextTokens(int contextTokens) {
    this.contextTokens = contextTokens;
    return this;
  }

  /**
   * The prompt template. Default {@link PromptTemplate#defaults()}.
   *
   * @param template the template
   * @return this builder
   */
  public RagPipelineBuilder template(PromptTemplate template) {
    this.template = template;
    return this;
  }

  /**
   * The query embedding cache: answers repeats and serves the degraded embed. Default: 10,000
   * queries.
   *
   * @param cache the cache, or {@code null} for none
   * @return this builder
   */
  public RagPipelineBuilder embeddingCache(EmbeddingCache cache) {
    this.cache = cache;
    return this;
  }

  /**
   * The chat model that generates answers.
   *
   * @param client the inference client of the LLM service (shared, not closed by the pipeline)
   * @param model the served model name
   * @return this builder
   */
  public RagPipelineBuilder generator(InferenceClient client, String model) {
    this.generation = new GenerationSettings(client, model, null, null);
    return this;
  }

  /**
   * Answer length limit. Unset: the engine's default.
   *
   * @param maxTokens at least 1
   * @return this builder
   */
  public RagPipelineBuilder maxTokens(int maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  /**
   * Sampling temperature. Unset: the engine's default.
   *
   * @param temperature the temperature
   * @return this builder
   */
  public RagPipelineBuilder temperature(double temperature) {
    this.temperature = temperature;
    return this;
  }

  /**
   * Where {@code rag.*} meters go. Unset: none are recorded.
   *
   * @param registry the registry
   * @return this builder
   */
  public RagPipelineBuilder meterRegistry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /**
   * Worker threads for stage work ({@code pailot-rag-stage-N}). Default 16.
   *
   * @param threads at least 1
   * @return this builder
   */
  public RagPipelineBuilder stageThreads(int threads) {
    this.stageThreads = threads;
    return this;
  }

  /**
   * Streamed requests in their stages at once ({@code pailot-rag-flow-N} threads); as many more may
   * wait, beyond that a request fails at once. Default 64.
   *
   * @param max at least 1
   * @return this builder
   */
  public RagPipelineBuilder maxConcurrentRequests(int max) {
    this.maxConcurrentRequests = max;
    return this;
  }

  /**
   * Validates and builds the pipeline, starting no thread until the first request.
   *
   * @return the pipeline
   * @throws ValidationException naming the missing or invalid setting and the fix
   */
  public RagPipeline build() {
    require(embedder != null, "embedder", "is not set", "set embedder(MiniLmEmbedder.create())");
    require(
        store != null, "store", "is not set", "set the vector store the chunks were ingested to");
    require(topK >= 1, "topK", "must be at least 1", "use e.g. 20");
    require(topN >= 1, "topN", "must be at least 1", "use e.g. 3");
    require(topN <= topK, "topN", "is larger than topK", "keep topN <= topK");
    require(stageThreads >= 1, "stageThreads", "must be at least 1", "use e.g. 16");
    require(
        maxConcurrentRequests >= 1, "maxConcurrentRequests", "must be at least 1", "use e.g. 64");
    require(maxTokens == null || maxTokens >= 1, "maxTokens", "must be at least 1", "use e.g. 256");
    require(budgets != null, "budgets", "is null", "use Budgets.defaults()");
    ContextAssembler assembler =
        ContextAssembler.of(template, embedder.tokenCounter(), contextTokens);
    GenerationSettings gen =
        generation == null
            ? null
            : new GenerationSettings(
                generation.client(), generation.model(), maxTokens, temperature);
    StageRunner runner = new StageRunner(stageThreads, stageThreads * 16);
    PipelineParts parts =
        new PipelineParts(
            embedder,
            store,
            reranker,
            fallback,
            assembler,
            budgets,
            topK,
            topN,
            cache,
            runner,
            new PipelineMetrics(registry));
    ThreadPoolExecutor flows =
        new ThreadPoolExecutor(
            maxConcurrentRequests,
            maxConcurrentRequests,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(maxConcurrentRequests),
            StageRunner.named("pailot-rag-flow-"));
    flows.allowCoreThreadTimeOut(true);
    return new RagPipeline(
        parts,
        gen,
        flows,
        Executors.newSingleThreadScheduledExecutor(StageRunner.named("pailot-rag-timer-")));
  }

  private static void require(boolean ok, String field, String problem, String fix) {
    if (!ok) {
      throw ValidationException.invalidField(field, problem, fix);
    }
  }
}
