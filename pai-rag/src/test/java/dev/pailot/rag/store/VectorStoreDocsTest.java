package dev.pailot.rag.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/rag.md "Vector stores", compiled and run. */
class VectorStoreDocsTest {
  @TempDir Path tmp;

  static final float[] GUIDE = {0.9f, 0.1f, 0, 0};
  static final float[] FAQ = {0.1f, 0.9f, 0, 0};
  static final float[] QUERY = {1, 0, 0, 0};

  static List<StoredChunk> chunks() {
    // tag::chunks[]
    List<StoredChunk> chunks =
        List.of(
            StoredChunk.builder()
                .id("guide.md#0")
                .documentId("guide.md")
                .text("Blue-green releases shift traffic between two EAS services.")
                .vector(GUIDE) // from your embedder
                .putMetadata("lang", "en")
                .build(),
            StoredChunk.builder()
                .id("faq.md#0")
                .documentId("faq.md")
                .text("Spot instances can be reclaimed; checkpoints make training resumable.")
                .vector(FAQ)
                .putMetadata("lang", "en")
                .build());
    // end::chunks[]
    return chunks;
  }

  @Test
  void luceneStore() {
    Path indexDir = tmp.resolve("rag-index");
    List<StoredChunk> chunks = chunks();
    float[] queryVector = QUERY;
    // tag::lucene[]
    LuceneStoreConfig config =
        LuceneStoreConfig.builder()
            .path(indexDir) // created if missing, reopened with its data otherwise
            .similarity(VectorSimilarity.COSINE)
            .precision(VectorPrecision.INT8) // or FLOAT32 (the default)
            .build();
    try (LuceneVectorStore store = LuceneVectorStore.open(config)) {
      store.upsert(chunks); // same id again = replace
      List<SearchHit> hits =
          store.search(
              VectorQuery.builder()
                  .vector(queryVector)
                  .topK(20)
                  .filter(MetadataFilter.equalTo("lang", "en"))
                  .build());
      List<SearchHit> keyword = store.searchText("blue-green traffic", 20); // BM25
      store.deleteDocument("faq.md"); // every chunk of the document
      // end::lucene[]
      assertThat(hits).extracting(SearchHit::chunkId).containsExactly("guide.md#0", "faq.md#0");
      assertThat(hits.get(0).score()).isGreaterThan(0.99f);
      assertThat(keyword).extracting(SearchHit::chunkId).containsExactly("guide.md#0");
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void lexicalCapability() {
    VectorStore store = InMemoryVectorStore.create();
    store.upsert(chunks());
    String question = "spot instances";
    List<SearchHit> found = List.of();
    // tag::lexical[]
    if (store instanceof LexicalSearch lexical) {
      found = lexical.searchText(question, 20, MetadataFilter.none());
    }
    // end::lexical[]
    assertThat(found).isEmpty(); // the in-memory store has no lexical index
    try (LuceneVectorStore lucene =
        LuceneVectorStore.open(LuceneStoreConfig.builder().path(tmp).build())) {
      lucene.upsert(chunks());
      VectorStore asStore = lucene;
      assertThat(asStore).isInstanceOf(LexicalSearch.class);
      assertThat(((LexicalSearch) asStore).searchText(question, 20)).hasSize(1);
    }
  }

  @Test
  void inMemoryStore() {
    // tag::inmemory[]
    try (VectorStore exact = InMemoryVectorStore.create(VectorSimilarity.COSINE)) {
      exact.upsert(chunks());
      SearchHit best = exact.search(VectorQuery.of(QUERY, 1)).get(0);
      // end::inmemory[]
      assertThat(best.chunkId()).isEqualTo("guide.md#0");
      assertThat(best.rank()).isEqualTo(1);
    }
  }

  @Test
  void dashVectorStore() {
    DashVectorFake fake = new DashVectorFake("sk-docs");
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(fake));
    server.start();
    try {
      server.stubFor(
          any(urlPathMatching("/v1/.*"))
              .willReturn(aResponse().withTransformers(DashVectorFake.NAME)));
      String endpoint =
          "http://localhost:" + server.port(); // in production: the console's endpoint
      Map<String, String> env = Map.of("DASHVECTOR_API_KEY", "sk-docs");
      // tag::dashvector[]
      DashVectorConfig config =
          DashVectorConfig.builder()
              .endpoint(endpoint) // e.g. vrs-cn-xxxx.dashvector.cn-hangzhou.aliyuncs.com
              .apiKey(env.get("DASHVECTOR_API_KEY"))
              .collection("docs")
              .similarity(VectorSimilarity.COSINE)
              .build();
      try (DashVectorStore store = DashVectorStore.open(config)) {
        store.createCollection(4, Set.of("lang")); // once; declares the filterable fields
        store.upsert(chunks());
        List<SearchHit> hits =
            store.search(
                VectorQuery.builder()
                    .vector(QUERY)
                    .topK(20)
                    .filter(MetadataFilter.equalTo("lang", "en"))
                    .build());
        // end::dashvector[]
        assertThat(hits).extracting(SearchHit::chunkId).containsExactly("guide.md#0", "faq.md#0");
        assertThat(store.count()).isEqualTo(2);
      }
    } finally {
      server.stop();
    }
  }
}
