package dev.pailot.rag.store;

import java.util.List;

/**
 * Optional capability of a {@link VectorStore} that also indexes chunk text: keyword search ranked
 * by BM25 over the whole corpus. A hybrid retriever or a score-fusion reranker checks {@code store
 * instanceof LexicalSearch} and gets corpus-level BM25 scores instead of scoring only the vector
 * hits. {@link LuceneVectorStore} implements it.
 *
 * <p>Implementations are thread-safe like the stores that implement it.
 */
public interface LexicalSearch {
  /**
   * The chunks whose text best matches {@code query} by BM25 (any term may match), best first, that
   * match {@code filter}.
   *
   * @param query free text; analyzed like the stored text
   * @param topK how many hits at most, at least 1
   * @param filter metadata filter; {@link MetadataFilter#none()} for none
   * @return the hits, ranked from 1, with the BM25 score; empty if no term matches
   * @throws dev.pailot.core.error.ValidationException if topK is below 1
   */
  List<SearchHit> searchText(String query, int topK, MetadataFilter filter);

  /**
   * {@link #searchText(String, int, MetadataFilter)} without a filter.
   *
   * @param query free text
   * @param topK how many hits at most, at least 1
   * @return the hits, ranked from 1
   */
  default List<SearchHit> searchText(String query, int topK) {
    return searchText(query, topK, MetadataFilter.none());
  }
}
