package dev.pailot.rag.pipeline;

import dev.pailot.rag.budget.StageReport;

/**
 * Events of one streamed RAG request, in order: a {@link #onStage} per stage as it ends, {@link
 * #onContext} once the prompt is built, {@link #onDelta} per piece of the answer, then exactly one
 * of {@link #onComplete} or {@link #onError}. Callbacks for one request are serial; they run on the
 * pipeline's flow thread (stages) and on the inference client's I/O thread (deltas), so keep them
 * short. A callback that throws fails the request.
 */
public interface RagListener {
  /**
   * A stage ended.
   *
   * @param report its time, budget, outcome and reason
   */
  default void onStage(StageReport report) {}

  /**
   * The context is ready and generation starts.
   *
   * @param context reranked chunks, prompt and citations
   */
  default void onContext(RagContext context) {}

  /**
   * A piece of the answer.
   *
   * @param text the new text
   */
  void onDelta(String text);

  /**
   * The answer is complete.
   *
   * @param answer the answer with citations and stage reports
   */
  default void onComplete(RagAnswer answer) {}

  /**
   * The request failed: a {@link dev.pailot.rag.budget.StageFailedException} naming the stage, or
   * the inference client's exception.
   *
   * @param error the failure
   */
  default void onError(Throwable error) {}
}
