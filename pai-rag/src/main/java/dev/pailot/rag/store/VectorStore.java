package dev.pailot.rag.store;

import java.util.List;

/**
 * A store of embedded chunks searchable by vector similarity: the retrieval stage of a RAG
 * pipeline.
 *
 * <p>Implementations: {@link InMemoryVectorStore} (exact, brute force), {@link LuceneVectorStore}
 * (embedded HNSW on local disk, the default) and {@link DashVectorStore} (Alibaba Cloud's managed
 * vector database). All of them pass the same contract tests: upsert replaces a chunk with the same
 * id, {@link #deleteDocument(String)} removes every chunk of a document, filters apply during the
 * search, hits come best first with {@link SearchHit#score()} equal to the store's {@link
 * VectorSimilarity}.
 *
 * <p>Implementations are thread-safe: searches may run while another thread writes; a search sees
 * either all or none of one {@link #upsert(List)} call's chunks in embedded stores (managed stores
 * follow their service's consistency). The caller that created a store closes it.
 */
public interface VectorStore extends AutoCloseable {
  /**
   * Inserts the chunks, replacing any stored chunk with the same {@link StoredChunk#id()}. The
   * chunks are searchable when the call returns (for embedded stores; managed stores may lag by
   * their service's refresh interval).
   *
   * @param chunks the chunks, all of the store's dimension
   * @throws dev.pailot.core.error.ValidationException if a chunk's dimension differs from the
   *     store's
   * @throws dev.pailot.core.error.PaiException if the store cannot write
   */
  void upsert(List<StoredChunk> chunks);

  /**
   * Removes every chunk whose {@link StoredChunk#documentId()} is {@code documentId}. Removing a
   * document that is not stored does nothing.
   *
   * @param documentId the document id
   * @throws dev.pailot.core.error.PaiException if the store cannot write
   */
  void deleteDocument(String documentId);

  /**
   * The chunks nearest to the query vector that match its filter, best first, at most {@link
   * VectorQuery#topK()}.
   *
   * @param query the query
   * @return the hits, ranked from 1
   * @throws dev.pailot.core.error.ValidationException if the query's dimension differs from the
   *     store's
   * @throws dev.pailot.core.error.PaiException if the store cannot be searched
   */
  List<SearchHit> search(VectorQuery query);

  /**
   * How many chunks the store holds.
   *
   * @return the chunk count
   * @throws dev.pailot.core.error.PaiException if the store cannot be read
   */
  long count();

  /**
   * The similarity the store ranks by and reports as {@link SearchHit#score()}.
   *
   * @return the similarity
   */
  VectorSimilarity similarity();

  /**
   * Releases the store's resources (files, threads, connections). Embedded stores keep their data
   * on disk for the next open. Idempotent; the store is unusable afterwards.
   */
  @Override
  void close();
}
