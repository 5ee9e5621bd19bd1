package dev.pailot.rag.rerank;

import dev.pailot.rag.store.SearchHit;
import java.util.List;

/**
 * Orders retrieved candidates by relevance to the query and keeps the best {@code topN}.
 * Implementations are thread-safe and block the calling thread; the pipeline runs them on its own
 * executor under the rerank budget and interrupts them when it runs out.
 *
 * <p>{@link CrossEncoderReranker} calls a cross-encoder on EAS; {@link FusionReranker} fuses the
 * dense ranking with BM25 locally, cheap enough for the budget on a CPU.
 */
public interface Reranker {
  /**
   * Reranks candidates.
   *
   * @param query the user's query
   * @param candidates the retrieved chunks, best first by vector similarity
   * @param topN how many to keep, at least 1
   * @return at most {@code topN} results, best first, ranks from 1
   * @throws dev.pailot.core.error.PaiException when a remote reranker fails
   */
  List<Reranked> rerank(String query, List<SearchHit> candidates, int topN);

  /**
   * A short name for reports, e.g. {@code cross-encoder:bge-reranker} or {@code fusion-rrf}.
   *
   * @return name
   */
  String name();
}
