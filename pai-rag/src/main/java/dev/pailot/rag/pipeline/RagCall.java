package dev.pailot.rag.pipeline;

import dev.pailot.rag.store.MetadataFilter;

/**
 * A question being put to a {@link RagPipeline}: refine it, then send it with {@link #answer()},
 * {@link #stream(RagListener)} or {@link #retrieve()}. Not thread-safe; use once per question.
 */
public final class RagCall {
  private final RagPipeline pipeline;
  private final RagQuery.Builder query;

  RagCall(RagPipeline pipeline, String question) {
    this.pipeline = pipeline;
    this.query = RagQuery.builder().question(question);
  }

  /**
   * Only chunks whose metadata match.
   *
   * @param filter the filter
   * @return this call
   */
  public RagCall filter(MetadataFilter filter) {
    query.filter(filter);
    return this;
  }

  /**
   * Candidates to retrieve.
   *
   * @param topK at least 1
   * @return this call
   */
  public RagCall topK(int topK) {
    query.topK(topK);
    return this;
  }

  /**
   * Chunks to keep after reranking.
   *
   * @param topN at least 1
   * @return this call
   */
  public RagCall topN(int topN) {
    query.topN(topN);
    return this;
  }

  /**
   * The query as built so far.
   *
   * @return the query
   * @throws dev.pailot.core.error.ValidationException for a blank question or a bad K or N
   */
  public RagQuery query() {
    return query.build();
  }

  /**
   * Answers, blocking; see {@link RagPipeline#answer(RagQuery)}.
   *
   * @return the answer
   */
  public RagAnswer answer() {
    return pipeline.answer(query());
  }

  /**
   * Streams the answer; see {@link RagPipeline#stream(RagQuery, RagListener)}.
   *
   * @param listener the listener
   * @return the handle
   */
  public RagHandle stream(RagListener listener) {
    return pipeline.stream(query(), listener);
  }

  /**
   * Runs the stages before generation only; see {@link RagPipeline#retrieve(RagQuery)}.
   *
   * @return the context
   */
  public RagContext retrieve() {
    return pipeline.retrieve(query());
  }
}
