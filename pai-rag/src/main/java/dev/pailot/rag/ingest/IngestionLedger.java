package dev.pailot.rag.ingest;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the content hash of each ingested document, so that ingesting an unchanged document
 * does no work. Implementations are thread-safe. Keep the ledger as long as the store: a new, empty
 * ledger over a persistent store re-embeds everything once (correct, only slower).
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
