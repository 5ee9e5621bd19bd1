package dev.pailot.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Lucene store adds to the contract: BM25, reopen checks, locking, bulk loads. */
class LuceneVectorStoreTest {
  @TempDir Path dir;

  LuceneStoreConfig.Builder config() {
    return LuceneStoreConfig.builder().path(dir);
  }

  static StoredChunk chunk(String id, String doc, String text, Map<String, String> meta) {
    float[] v = new float[4];
    Random r = new Random(id.hashCode());
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return StoredChunk.builder().id(id).documentId(doc).text(text).vector(v).metadata(meta).build();
  }

  @Test
  void lexicalSearchRanksByBm25OverTheWholeCorpus() {
    try (LuceneVectorStore store = LuceneVectorStore.open(config().build())) {
      List<StoredChunk> chunks = new ArrayList<>();
      chunks.add(
          chunk(
              "a",
              "d1",
              "Blue-green releases switch traffic between two EAS services",
              Map.of("lang", "en")));
      chunks.add(
          chunk("b", "d1", "Spot instances are cheap but can be reclaimed", Map.of("lang", "en")));
      chunks.add(
          chunk(
              "c", "d2", "Traffic mirroring sends a shadow copy of traffic", Map.of("lang", "de")));
      for (int i = 0; i < 20; i++) {
        chunks.add(
            chunk("f" + i, "d3", "filler text about services number " + i, Map.of("lang", "en")));
      }
      store.upsert(chunks);

      List<SearchHit> hits = store.searchText("traffic", 10);
      assertThat(hits).extracting(SearchHit::chunkId).containsExactly("c", "a");
      assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isPositive();
      assertThat(hits).extracting(SearchHit::rank).containsExactly(1, 2);
      // A rare term outweighs a common one: "reclaimed" (1 chunk) beats "services" (21 chunks).
      assertThat(store.searchText("services reclaimed", 1).get(0).chunkId()).isEqualTo("b");
      assertThat(store.searchText("traffic", 10, MetadataFilter.equalTo("lang", "en")))
          .extracting(SearchHit::chunkId)
          .containsExactly("a");
      assertThat(store.searchText("kubernetes", 5)).isEmpty();
      assertThat(store.searchText("   ", 5)).isEmpty();
      assertThatThrownBy(() -> store.searchText("traffic", 0))
          .isInstanceOf(ValidationException.class);

      store.deleteDocument("d2");
      assertThat(store.searchText("traffic", 10))
          .extracting(SearchHit::chunkId)
          .containsExactly("a");
    }
  }

  @Test
  void reopeningWithAnotherSimilarityIsRejected() {
    try (LuceneVectorStore store = LuceneVectorStore.open(config().build())) {
      store.upsert(List.of(chunk("a", "d", "x", Map.of())));
    }
    assertThatThrownBy(
            () -> LuceneVectorStore.open(config().similarity(VectorSimilarity.DOT_PRODUCT).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("COSINE");
    try (LuceneVectorStore again = LuceneVectorStore.open(config().build())) {
      assertThat(again.count()).isEqualTo(1); // the failed open released the directory
    }
  }

  @Test
  void aSecondOpenOfTheSamePathFailsWhileTheFirstHoldsIt() {
    try (LuceneVectorStore store = LuceneVectorStore.open(config().build())) {
      assertThatThrownBy(() -> LuceneVectorStore.open(config().build()))
          .isInstanceOf(PaiException.class)
          .hasMessageContaining(dir.toString());
      store.upsert(List.of(chunk("a", "d", "x", Map.of())));
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
    LuceneVectorStore store = LuceneVectorStore.open(config().build());
    store.close();
    store.close();
    assertThatThrownBy(store::count).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.upsert(List.of(chunk("a", "d", "x", Map.of()))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dotProductNeedsUnitVectors() {
    try (LuceneVectorStore store =
        LuceneVectorStore.open(config().similarity(VectorSimilarity.DOT_PRODUCT).build())) {
      StoredChunk notUnit =
          StoredChunk.builder()
              .id("a")
              .documentId("d")
              .text("x")
              .vector(new float[] {3, 4})
              .build();
      assertThatThrownBy(() -> store.upsert(List.of(notUnit)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("COSINE");
    }
  }

  @Test
  void bulkLoadWritesBecomeVisibleAtCommitAndSurviveAForceMerge() {
    LuceneStoreConfig bulk =
        config()
            .commitEachWrite(false)
            .refreshEachWrite(false)
            .precision(VectorPrecision.INT8)
            .build();
    List<StoredChunk> chunks = VectorStoreContractTest.corpus(3, false);
    try (LuceneVectorStore store = LuceneVectorStore.open(bulk)) {
      store.upsert(chunks.subList(0, 30));
      store.upsert(chunks.subList(30, 60));
      assertThat(store.count()).isZero(); // not refreshed yet
      store.commit();
      assertThat(store.count()).isEqualTo(60);
      store.forceMerge(1);
      float[] q = chunks.get(17).vector();
      assertThat(store.search(VectorQuery.of(q, 1)).get(0).chunkId()).isEqualTo("c17");
    }
    try (LuceneVectorStore reopened = LuceneVectorStore.open(config().build())) {
      assertThat(reopened.count()).isEqualTo(60);
    }
  }

  @Test
  void int8WithoutRescoringStillFindsTheNearestChunk() {
    LuceneStoreConfig raw = config().precision(VectorPrecision.INT8).rescore(false).build();
    List<StoredChunk> chunks = VectorStoreContractTest.corpus(4, false);
    try (LuceneVectorStore store = LuceneVectorStore.open(raw)) {
      store.upsert(chunks);
      for (int i = 0; i < 60; i += 7) {
        SearchHit top = store.search(VectorQuery.of(chunks.get(i).vector(), 1)).get(0);
        assertThat(top.chunkId()).isEqualTo("c" + i);
        assertThat(top.score()).isGreaterThan(0.95f); // quantized, so only close to 1
      }
    }
  }
}
