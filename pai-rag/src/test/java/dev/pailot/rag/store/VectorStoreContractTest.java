package dev.pailot.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pailot.core.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link VectorStore} must have. A subclass says how to open its store; a
 * persistent store is opened twice on the same directory to test a restart.
 */
abstract class VectorStoreContractTest {
  static final int DIM = 16;

  @TempDir Path dir;
  private final List<VectorStore> opened = new ArrayList<>();

  /** Opens (or reopens, for persistent stores) the store kept in {@code dir}. */
  protected abstract VectorStore open(Path dir, VectorSimilarity similarity);

  /** Whether the data survives {@link VectorStore#close()} and a new {@link #open}. */
  protected abstract boolean persistent();

  /**
   * Whether a filter may name a key that no chunk has (it then matches nothing). Stores that filter
   * only on declared fields reject it instead.
   */
  protected boolean filtersOnUndeclaredKeys() {
    return true;
  }

  VectorStore store(VectorSimilarity similarity) {
    VectorStore s = open(dir, similarity);
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(VectorStore::close);
  }

  static float[] randomVector(Random random) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  static StoredChunk chunk(String id, String doc, float[] v, Map<String, String> meta) {
    return StoredChunk.builder()
        .id(id)
        .documentId(doc)
        .text("text of " + id)
        .vector(v)
        .metadata(meta)
        .build();
  }

  /** 60 chunks in 12 documents, metadata lang (en/de/fr) and part (0..4). */
  static List<StoredChunk> corpus(long seed, boolean unit) {
    Random random = new Random(seed);
    List<StoredChunk> chunks = new ArrayList<>();
    String[] langs = {"en", "de", "fr"};
    for (int i = 0; i < 60; i++) {
      float[] v = randomVector(random);
      if (unit) {
        Vectors.normalize(v);
      }
      chunks.add(
          chunk("c" + i, "d" + (i / 5), v, Map.of("lang", langs[i % 3], "part", "" + (i % 5))));
    }
    return chunks;
  }

  /** The exact answer, computed here independently of every store. */
  static List<String> exactIds(
      List<StoredChunk> chunks, float[] q, int k, VectorSimilarity sim, Predicate<StoredChunk> p) {
    return chunks.stream()
        .filter(p)
        .sorted(
            Comparator.comparingDouble((StoredChunk c) -> -sim.compare(q, c.vector()))
                .thenComparing(StoredChunk::id))
        .limit(k)
        .map(StoredChunk::id)
        .toList();
  }

  static void assertRanked(List<SearchHit> hits) {
    for (int i = 0; i < hits.size(); i++) {
      assertThat(hits.get(i).rank()).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
      }
    }
  }

  @Test
  void emptyStoreFindsNothing() {
    VectorStore store = store(VectorSimilarity.COSINE);
    assertThat(store.count()).isZero();
    assertThat(store.search(VectorQuery.of(randomVector(new Random(1)), 5))).isEmpty();
  }

  @Test
  void topKComesInExactOrderWithSimilarityScores() {
    for (VectorSimilarity sim : VectorSimilarity.values()) {
      Path sub = dir.resolve(sim.name());
      VectorStore store = open(sub, sim);
      opened.add(store);
      List<StoredChunk> chunks = corpus(7, sim == VectorSimilarity.DOT_PRODUCT);
      store.upsert(chunks);
      assertThat(store.count()).isEqualTo(60);
      assertThat(store.similarity()).isEqualTo(sim);
      Random random = new Random(11);
      for (int n = 0; n < 10; n++) {
        float[] q = randomVector(random);
        if (sim == VectorSimilarity.DOT_PRODUCT) {
          Vectors.normalize(q);
        }
        List<SearchHit> hits = store.search(VectorQuery.of(q, 10));
        assertThat(hits)
            .extracting(SearchHit::chunkId)
            .isEqualTo(exactIds(chunks, q, 10, sim, c -> true));
        assertRanked(hits);
        for (SearchHit hit : hits) {
          StoredChunk c = chunks.get(Integer.parseInt(hit.chunkId().substring(1)));
          assertThat(hit.score()).isCloseTo(sim.compare(q, c.vector()), within(1e-3f));
          assertThat(hit.documentId()).isEqualTo(c.documentId());
          assertThat(hit.text()).isEqualTo(c.text());
          assertThat(hit.metadata()).isEqualTo(c.metadata());
        }
      }
    }
  }

  @Test
  void topKLargerThanTheStoreReturnsEveryChunk() {
    VectorStore store = store(VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(3, false).subList(0, 7);
    store.upsert(chunks);
    List<SearchHit> hits = store.search(VectorQuery.of(randomVector(new Random(5)), 50));
    assertThat(hits).hasSize(7);
    assertRanked(hits);
  }

  @Test
  void upsertWithAnExistingIdReplacesTheChunk() {
    VectorStore store = store(VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(5, false);
    store.upsert(chunks);
    float[] moved = randomVector(new Random(99));
    StoredChunk replaced =
        chunks.get(4).toBuilder()
            .text("new text")
            .vector(moved)
            .metadata(Map.of("lang", "es"))
            .build();
    store.upsert(List.of(replaced));
    store.upsert(List.of(replaced)); // idempotent

    assertThat(store.count()).isEqualTo(60);
    SearchHit top = store.search(VectorQuery.of(moved, 1)).get(0);
    assertThat(top.chunkId()).isEqualTo("c4");
    assertThat(top.text()).isEqualTo("new text");
    assertThat(top.metadata()).containsExactly(Map.entry("lang", "es"));
    assertThat(top.score()).isCloseTo(1f, within(1e-3f));
    // The old version is gone: searching for its vector does not return it.
    List<SearchHit> old = store.search(VectorQuery.of(chunks.get(4).vector(), 60));
    assertThat(old)
        .filteredOn(h -> h.chunkId().equals("c4"))
        .extracting(SearchHit::text)
        .containsExactly("new text");
  }

  @Test
  void deleteDocumentRemovesAllItsChunks() {
    VectorStore store = store(VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(8, false);
    store.upsert(chunks);
    store.deleteDocument("d2"); // chunks c10..c14
    store.deleteDocument("no-such-document");

    assertThat(store.count()).isEqualTo(55);
    List<SearchHit> all = store.search(VectorQuery.of(chunks.get(12).vector(), 60));
    assertThat(all).hasSize(55).noneMatch(h -> h.documentId().equals("d2"));
    assertThat(all.get(0).chunkId()).isNotEqualTo("c12");
  }

  @Test
  void filtersApplyDuringTheSearch() {
    VectorStore store = store(VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(9, false);
    store.upsert(chunks);
    float[] q = randomVector(new Random(21));
    MetadataFilter en = MetadataFilter.equalTo("lang", "en");
    List<SearchHit> hits =
        store.search(VectorQuery.builder().vector(q).topK(10).filter(en).build());
    assertThat(hits).hasSize(10).allMatch(h -> h.metadata().get("lang").equals("en"));
    assertThat(hits)
        .extracting(SearchHit::chunkId)
        .isEqualTo(exactIds(chunks, q, 10, VectorSimilarity.COSINE, c -> en.matches(c.metadata())));

    MetadataFilter combined =
        MetadataFilter.builder().anyOf("lang", "de", "fr").anyOf("part", List.of("1", "3")).build();
    List<SearchHit> few =
        store.search(VectorQuery.builder().vector(q).topK(20).filter(combined).build());
    List<String> expected =
        exactIds(chunks, q, 20, VectorSimilarity.COSINE, c -> combined.matches(c.metadata()));
    assertThat(expected).hasSize(16); // 40 de/fr chunks, 2 parts of 5
    assertThat(few).extracting(SearchHit::chunkId).isEqualTo(expected);

    MetadataFilter nothing = MetadataFilter.equalTo("lang", "ja");
    assertThat(store.search(VectorQuery.builder().vector(q).filter(nothing).build())).isEmpty();
    MetadataFilter missingKey = MetadataFilter.equalTo("tenant", "a");
    VectorQuery onMissingKey = VectorQuery.builder().vector(q).filter(missingKey).build();
    if (filtersOnUndeclaredKeys()) {
      assertThat(store.search(onMissingKey)).isEmpty();
    } else {
      assertThatThrownBy(() -> store.search(onMissingKey))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("tenant");
    }
  }

  @Test
  void aVectorOfAnotherDimensionIsRejected() {
    VectorStore store = store(VectorSimilarity.COSINE);
    store.upsert(corpus(1, false).subList(0, 3));
    StoredChunk wrong = chunk("x", "dx", new float[] {1, 2, 3}, Map.of());
    assertThatThrownBy(() -> store.upsert(List.of(corpus(1, false).get(5), wrong)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dimension");
    assertThat(store.count()).isEqualTo(3); // nothing of the bad batch was written
    assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 2}, 3)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void dataSurvivesARestart() {
    if (!persistent()) {
      return;
    }
    VectorStore first = open(dir, VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(12, false);
    first.upsert(chunks);
    first.deleteDocument("d0");
    float[] q = randomVector(new Random(4));
    List<SearchHit> before = first.search(VectorQuery.of(q, 10));
    first.close();

    VectorStore second = store(VectorSimilarity.COSINE);
    assertThat(second.count()).isEqualTo(55);
    assertThat(second.search(VectorQuery.of(q, 10))).isEqualTo(before);
  }

  @Test
  void searchesRunWhileAnotherThreadWrites() throws Exception {
    VectorStore store = store(VectorSimilarity.COSINE);
    List<StoredChunk> chunks = corpus(13, false);
    store.upsert(chunks.subList(0, 10));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 10; i < 60; i += 5) {
                  store.upsert(chunks.subList(i, i + 5));
                  store.upsert(List.of(chunks.get(i).toBuilder().text("v2").build()));
                }
                store.deleteDocument("d0");
              });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        long seed = r;
        readers.add(
            pool.submit(
                () -> {
                  Random random = new Random(seed);
                  int searches = 0;
                  while (!writer.isDone() || searches < 20) {
                    List<SearchHit> hits = store.search(VectorQuery.of(randomVector(random), 8));
                    assertThat(hits).isNotEmpty().hasSizeLessThanOrEqualTo(8);
                    assertRanked(hits);
                    for (SearchHit h : hits) {
                      assertThat(h.text()).isIn("text of " + h.chunkId(), "v2");
                    }
                    searches++;
                  }
                  return searches;
                }));
      }
      writer.get();
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isGreaterThanOrEqualTo(20);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.count()).isEqualTo(55);
  }
}
