package dev.pailot.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.pipeline.HashEmbedder;
import dev.pailot.rag.store.LuceneStoreConfig;
import dev.pailot.rag.store.LuceneVectorStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default ledger lives in the store: a new process (a new store object and ingestor over the
 * same Lucene directory) skips unchanged documents without embedding them.
 */
class PersistentLedgerTest {
  @TempDir Path dir;

  private static final List<Document> DOCS =
      List.of(
          Document.of("autoscale", "The EAS autoscaler sets replicas from QPS per instance."),
          Document.of("bluegreen", "A blue-green release shifts traffic between versions."));

  private static Ingestor ingestor(HashEmbedder embedder, LuceneVectorStore store) {
    return Ingestor.of(embedder, store).withChunker(TokenChunker.of(t -> 1, 4, 1));
  }

  @Test
  void unchangedDocumentsAreSkippedAfterTheStoreIsReopened() {
    HashEmbedder first = new HashEmbedder();
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      assertThat(ingestor(first, store).ingest(DOCS).added()).isEqualTo(2);
    }
    assertThat(first.calls()).isPositive();

    HashEmbedder second = new HashEmbedder();
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      long chunks = store.count();
      IngestReport again = ingestor(second, store).ingest(DOCS);

      assertThat(again.unchanged()).isEqualTo(2);
      assertThat(again.added() + again.replaced()).isZero();
      assertThat(second.calls()).isZero();
      assertThat(store.count()).isEqualTo(chunks);

      IngestReport changed =
          ingestor(second, store)
              .ingest(
                  List.of(
                      DOCS.get(0),
                      Document.of(
                          "bluegreen", "Blue-green shifts weights; shadow mirrors traffic.")));

      assertThat(changed.unchanged()).isEqualTo(1);
      assertThat(changed.replaced()).isEqualTo(1);
      assertThat(second.calls()).isEqualTo(1);
    }

    // A removed document is gone from the ledger too, also after reopening.
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      ingestor(new HashEmbedder(), store).remove("autoscale");
    }
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      assertThat(ingestor(new HashEmbedder(), store).ingest(DOCS).added()).isEqualTo(1);
    }
  }

  @Test
  void theInMemoryLedgerForgetsWithTheProcess() {
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      ingestor(new HashEmbedder(), store).withLedger(IngestionLedger.inMemory()).ingest(DOCS);
    }
    HashEmbedder second = new HashEmbedder();
    try (LuceneVectorStore store =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(dir).build())) {
      IngestReport again =
          ingestor(second, store).withLedger(IngestionLedger.inMemory()).ingest(DOCS);

      assertThat(again.added()).isEqualTo(2);
      assertThat(second.calls()).isPositive();
    }
  }
}
