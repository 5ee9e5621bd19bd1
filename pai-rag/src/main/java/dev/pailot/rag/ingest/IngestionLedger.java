package dev.pailot.rag.ingest;

import dev.pailot.rag.store.VectorStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the content hash of each ingested document, so that ingesting an unchanged document
 * does no work. Implementations are thread-safe. The ledger must live as long as the store: {@link
 * #inStore} (the {@link Ingestor}'s default) reads the hashes back from the chunks, so it lasts as
 * long as the store does, across restarts; {@link #inMemory()} is lost with the process, and a new,
 * empty one over a persistent store re-embeds everything once (correct, only slower).
 */
public interface IngestionLedger {
  /**
   * The hash recorded for a document.
   *
   * @param documentId the document
   * @return its hash, if ingested
   */
  Optional<String> hashOf(String documentId);

  /**
   * Records a document's hash after its chunks were written.
   *
   * @param documentId the document
   * @param hash its content hash
   */
  void record(String documentId, String hash);

  /**
   * Forgets a document after it was removed.
   *
   * @param documentId the document
   */
  void forget(String documentId);

  /**
   * The ledger kept in the store: the hash is the {@code content_hash} metadata of the document's
   * chunks, read back with one search filtered on {@code document_id} per document ingested ({@link
   * #record} and {@link #forget} have nothing to do). A document whose text yields no chunks leaves
   * no hash, so it counts as added each time (with nothing to embed).
   *
   * @param store the store the ingestor writes to
   * @param dimension the store's (and the embedder's) vector length
   * @return the ledger
   * @throws dev.pailot.core.error.ValidationException when {@code dimension} is below 1
   */
  static IngestionLedger inStore(VectorStore store, int dimension) {
    return new StoreLedger(store, dimension);
  }

  /**
   * A ledger in memory, for stores that live as long as the process.
   *
   * @return the ledger
   */
  static IngestionLedger inMemory() {
    ConcurrentHashMap<String, String> hashes = new ConcurrentHashMap<>();
    return new IngestionLedger() {
      @Override
      public Optional<String> hashOf(String documentId) {
        return Optional.ofNullable(hashes.get(documentId));
      }

      @Override
      public void record(String documentId, String hash) {
        hashes.put(documentId, hash);
      }

      @Override
      public void forget(String documentId) {
        hashes.remove(documentId);
      }
    };
  }
}
