package dev.pailot.rag.ingest;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.store.StoredChunk;
import dev.pailot.rag.store.VectorStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ingests documents: chunk (by tokens, with overlap), embed in batches, write to the store with
 * metadata. Idempotent by document id: a document whose content hash (text, metadata, chunking and
 * embedder) is unchanged is skipped without embedding; a changed one has its old chunks deleted,
 * then its new ones written, so for that moment the document has no chunks in the store.
 *
 * <p>Chunk ids are {@code <documentId>#<n>}; every chunk's metadata holds the document's metadata
 * plus {@code document_id}, {@code chunk} (its index) and {@code content_hash}.
 *
 * <p>Thread-safe: ingestions run one at a time (the embedder and store may parallelise inside).
 */
public final class Ingestor {
  private final Embedder embedder;
  private final VectorStore store;
  private final TokenChunker chunker;
  private final IngestionLedger ledger;
  private final int batchSize;

  private Ingestor(
      Embedder embedder,
      VectorStore store,
      TokenChunker chunker,
      IngestionLedger ledger,
      int batchSize) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.store = Objects.requireNonNull(store, "store");
    this.chunker = Objects.requireNonNull(chunker, "chunker");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    if (batchSize < 1) {
      throw ValidationException.invalidField("batchSize", "must be at least 1", "use e.g. 32");
    }
    this.batchSize = batchSize;
  }

  /**
   * An ingestor with 200-token chunks overlapping by 40, batches of 32 and the ledger kept in the
   * store ({@link IngestionLedger#inStore}), so that an unchanged document is skipped even by a new
   * process over a persistent store.
   *
   * @param embedder the embedder (its token counter sizes the chunks)
   * @param store the store
   * @return the ingestor
   */
  public static Ingestor of(Embedder embedder, VectorStore store) {
    return new Ingestor(
        embedder,
        store,
        TokenChunker.of(embedder.tokenCounter(), 200, 40),
        IngestionLedger.inStore(store, embedder.dimension()),
        32);
  }

  /**
   * A copy with another chunker.
   *
   * @param chunker the chunker
   * @return the ingestor
   */
  public Ingestor withChunker(TokenChunker chunker) {
    return new Ingestor(embedder, store, chunker, ledger, batchSize);
  }

  /**
   * A copy with another ledger (e.g. {@link IngestionLedger#inMemory()}, which saves a filtered
   * search per document when the store lives only as long as the process).
   *
   * @param ledger the ledger
   * @return the ingestor
   */
  public Ingestor withLedger(IngestionLedger ledger) {
    return new Ingestor(embedder, store, chunker, ledger, batchSize);
  }

  /**
   * A copy embedding {@code batchSize} chunks per call.
   *
   * @param batchSize at least 1
   * @return the ingestor
   * @throws ValidationException when below 1
   */
  public Ingestor withBatchSize(int batchSize) {
    return new Ingestor(embedder, store, chunker, ledger, batchSize);
  }

  /**
   * Ingests documents, in order.
   *
   * @param documents the documents
   * @return what was done
   * @throws dev.pailot.core.error.PaiException when the embedder or store fails; documents before
   *     the failing one are ingested, the failing one keeps its old hash and is retried next time
   */
  public synchronized IngestReport ingest(List<Document> documents) {
    long start = System.nanoTime();
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    int chunks = 0;
    long tokens = 0;
    for (Document d : documents) {
      String hash = hash(d);
      Optional<String> old = ledger.hashOf(d.id());
      if (old.isPresent() && old.get().equals(hash)) {
        unchanged++;
        continue;
      }
      List<String> texts = chunker.split(d.text());
      List<float[]> vectors = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i += batchSize) {
        vectors.addAll(embedder.embed(texts.subList(i, Math.min(texts.size(), i + batchSize))));
      }
      List<StoredChunk> stored = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        tokens += embedder.tokenCounter().count(texts.get(i));
        stored.add(
            StoredChunk.builder()
                .id(d.id() + "#" + i)
                .documentId(d.id())
                .text(texts.get(i))
                .vector(vectors.get(i))
                .putAllMetadata(d.metadata())
                .putMetadata(StoreLedger.DOCUMENT_ID, d.id())
                .putMetadata("chunk", Integer.toString(i))
                .putMetadata(StoreLedger.CONTENT_HASH, hash)
                .build());
      }
      if (old.isPresent()) {
        store.deleteDocument(d.id());
        replaced++;
      } else {
        added++;
      }
      if (!stored.isEmpty()) {
        store.upsert(stored);
      }
      ledger.record(d.id(), hash);
      chunks += stored.size();
    }
    return IngestReport.builder()
        .added(added)
        .replaced(replaced)
        .unchanged(unchanged)
        .chunks(chunks)
        .tokens(tokens)
        .elapsed(Duration.ofNanos(System.nanoTime() - start))
        .build();
  }

  /**
   * Removes a document's chunks and forgets its hash.
   *
   * @param documentId the document
   */
  public synchronized void remove(String documentId) {
    store.deleteDocument(documentId);
    ledger.forget(documentId);
  }

  private String hash(Document d) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String settings =
          embedder.name() + '\u0000' + chunker.maxTokens() + '\u0000' + chunker.overlapTokens();
      sha.update(settings.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : new TreeMap<>(d.metadata()).entrySet()) {
        sha.update(('\u0000' + e.getKey() + '=' + e.getValue()).getBytes(StandardCharsets.UTF_8));
      }
      sha.update((byte) 1);
      sha.update(d.text().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
