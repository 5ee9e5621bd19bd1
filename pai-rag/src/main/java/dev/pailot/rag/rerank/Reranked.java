package dev.pailot.rag.rerank;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.rag.store.SearchHit;
import org.immutables.value.Value;

/**
 * A chunk after reranking: the retrieved hit, its reranker score and its new rank. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Reranked {
  /**
   * The retrieved chunk, with its vector-search score and rank.
   *
   * @return hit
   */
  @Value.Parameter
  public abstract SearchHit hit();

  /**
   * The reranker's score (higher is better; the scale is the reranker's own).
   *
   * @return score
   */
  @Value.Parameter
  public abstract double score();

  /**
   * The rank after reranking, from 1.
   *
   * @return rank
   */
  @Value.Parameter
  public abstract int rank();

  /**
   * Creates a result.
   *
   * @param hit the chunk
   * @param score the reranker's score
   * @param rank the new rank, from 1
   * @return the result
   */
  public static Reranked of(SearchHit hit, double score, int rank) {
    return ImmutableReranked.of(hit, score, rank);
  }

  /**
   * Retrieval order as it is: the first {@code topN} hits with their vector scores. What the
   * pipeline serves when reranking is skipped or degraded.
   *
   * @param hits retrieved hits, best first
   * @param topN how many to keep
   * @return the results
   */
  public static java.util.List<Reranked> retrievalOrder(java.util.List<SearchHit> hits, int topN) {
    java.util.List<Reranked> out = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(topN, hits.size()); i++) {
      out.add(of(hits.get(i), hits.get(i).score(), i + 1));
    }
    return out;
  }
}
