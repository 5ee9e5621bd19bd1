package dev.pailot.rag.ingest;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.store.MetadataFilter;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.VectorQuery;
import dev.pailot.rag.store.VectorStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger kept by the store itself: every chunk the {@link Ingestor} writes carries its
 * document's {@code content_hash}, and one chunk of the document, found with a search filtered on
 * {@code document_id}, gives it back. Whatever the store keeps across restarts, the ledger keeps. A
 * document's chunks are written in one upsert, so a hash that reads back means its chunks are
 * there.
 */
final class StoreLedger implements IngestionLedger {
  /** Chunk metadata key holding the document id. */
  static final String DOCUMENT_ID = "document_id";

  /** Chunk metadata key holding the document's content hash. */
  static final String CONTENT_HASH = "content_hash";

  private final VectorStore store;
  private final float[] probe;

  StoreLedger(VectorStore store, int dimension) {
    this.store = Objects.requireNonNull(store, "store");
    if (dimension < 1) {
      throw ValidationException.invalidField(
          "dimension", "must be at least 1", "pass the embedder's dimension()");
    }
    // Any unit vector will do: the filter, not the similarity, picks the chunk.
    this.probe = new float[dimension];
    this.probe[0] = 1f;
  }

  @Override
  public Optional<String> hashOf(String documentId) {
    List<SearchHit> hits =
        store.search(
            VectorQuery.builder()
                .vector(probe)
                .topK(1)
                .filter(MetadataFilter.equalTo(DOCUMENT_ID, documentId))
                .build());
    return hits.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(hits.get(0).metadata().get(CONTENT_HASH));
  }

  @Override
  public void record(String documentId, String hash) {
    // The chunks just written carry the hash.
  }

  @Override
  public void forget(String documentId) {
    // The document's chunks, and with them its hash, were deleted.
  }

  @Override
  public String toString() {
    return "IngestionLedger{in store " + store + "}";
  }
}
