package dev.pailot.rag.pipeline;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.pipeline.internal.GenerationSettings;
import dev.pailot.rag.pipeline.internal.PipelineParts;
import dev.pailot.rag.pipeline.internal.PreGeneration;
import dev.pailot.rag.pipeline.internal.RagFlow;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retrieval-augmented generation within a latency budget: query, embed, retrieve the top K (default
 * 20), rerank to the top N (default 3), assemble the prompt (template, context token budget,
 * citations), generate through the inference client, streaming.
 *
 * <pre>{@code
 * RagAnswer answer = pipeline.ask("How do I read a file?").topN(3).answer();
 * answer.degradations().forEach(s -> log.warn(s.toLine()));
 * }</pre>
 *
 * <p>Every stage runs under its budget ({@link Budgets}) on threads the pipeline owns, and on an
 * overrun or failure either degrades (and says so) or fails, by its {@link
 * dev.pailot.rag.budget.StagePolicy}. Every answer carries a {@link
 * dev.pailot.rag.budget.StageReport} per stage.
 *
 * <p>Thread-safe: build one and share it. {@link #close()} stops its threads; the embedder, store,
 * rerankers and inference client are the caller's and stay open.
 */
public final class RagPipeline implements AutoCloseable {
  private final PipelineParts parts;
  private final GenerationSettings generation;
  private final ExecutorService flows;
  private final ScheduledExecutorService timer;

  RagPipeline(
      PipelineParts parts,
      GenerationSettings generation,
      ExecutorService flows,
      ScheduledExecutorService timer) {
    this.parts = parts;
    this.generation = generation;
    this.flows = flows;
    this.timer = timer;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static RagPipelineBuilder builder() {
    return new RagPipelineBuilder();
  }

  /**
   * Starts a question, to be refined and sent with the returned call.
   *
   * @param question the user's question
   * @return the call
   */
  public RagCall ask(String question) {
    return new RagCall(this, question);
  }

  /**
   * Runs the stages before generation (embed, retrieve, rerank, assemble) on the calling thread;
   * stage work runs on the pipeline's workers under the budgets.
   *
   * @param query the query
   * @return the context with the prompt, citations and stage reports
   * @throws StageFailedException when a stage fails and may not degrade
   * @throws CancellationException when the calling thread is interrupted
   */
  public RagContext retrieve(RagQuery query) {
    return new PreGeneration(parts, r -> {}).run(query);
  }

  /**
   * Streams an answer: the stages run on the pipeline's flow threads, deltas arrive as generated.
   *
   * @param query the query
   * @param listener receives stage reports, the context, deltas and the end
   * @return the request's handle; closing it cancels the request
   * @throws ValidationException when the pipeline has no generator
   */
  public RagHandle stream(RagQuery query, RagListener listener) {
    if (generation == null) {
      throw ValidationException.invalidField(
          "generator", "is not set", "call generator(client, model) on the pipeline builder");
    }
    return RagFlow.start(parts, generation, query, listener, flows, timer);
  }

  /**
   * Answers a question, blocking until the whole answer is generated. Interrupting the calling
   * thread cancels the request.
   *
   * @param query the query
   * @return the answer
   * @throws StageFailedException when a stage fails and may not degrade
   * @throws dev.pailot.core.error.PaiException when generation fails
   */
  public RagAnswer answer(RagQuery query) {
    RagHandle handle = stream(query, text -> {});
    try {
      return handle.result().get();
    } catch (InterruptedException e) {
      handle.cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the answer");
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new CompletionException(cause);
    }
  }

  /**
   * The budgets and policies in force.
   *
   * @return budgets
   */
  public Budgets budgets() {
    return parts.budgets();
  }

  /** Stops the pipeline's threads; requests in flight are interrupted. */
  @Override
  public void close() {
    flows.shutdownNow();
    timer.shutdownNow();
    parts.runner().close();
  }
}
