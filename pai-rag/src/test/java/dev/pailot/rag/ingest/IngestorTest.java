package dev.pailot.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.pipeline.HashEmbedder;
import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.MetadataFilter;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.VectorQuery;
import dev.pailot.rag.store.VectorSimilarity;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestorTest {
  private final HashEmbedder embedder = new HashEmbedder();
  private final InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.COSINE);
  private final Ingestor ingestor =
      Ingestor.of(embedder, store)
          .withChunker(TokenChunker.of(text -> text.isBlank() ? 0 : 1, 10, 2))
          .withBatchSize(4);

  private static Document doc(String id, int words, String word) {
    String text =
        IntStream.range(0, words).mapToObj(i -> word + i).collect(Collectors.joining(" "));
    return Document.builder().id(id).text(text).putMetadata("source", "test").build();
  }

  private List<SearchHit> chunksOf(String documentId) {
    return store.search(
        VectorQuery.builder()
            .vector(embedder.embed("x"))
            .topK(100)
            .filter(MetadataFilter.equalTo("document_id", documentId))
            .build());
  }

  @Test
  void unchangedDocumentsCostNothingAndChangedOnesReplaceTheirChunks() {
    IngestReport first = ingestor.ingest(List.of(doc("a", 26, "alpha"), doc("b", 5, "beta")));
    int callsAfterFirst = embedder.calls();

    assertThat(first.added()).isEqualTo(2);
    assertThat(first.chunks()).isEqualTo(3 + 1);
    assertThat(callsAfterFirst).isEqualTo(1 + 1); // a: 3 chunks in one batch of 4; b: 1
    assertThat(store.count()).isEqualTo(4);

    IngestReport again = ingestor.ingest(List.of(doc("a", 26, "alpha"), doc("b", 5, "beta")));

    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.chunks()).isZero();
    assertThat(embedder.calls()).isEqualTo(callsAfterFirst);

    IngestReport changed = ingestor.ingest(List.of(doc("a", 8, "gamma")));

    assertThat(changed.replaced()).isEqualTo(1);
    assertThat(store.count()).isEqualTo(2);
    List<SearchHit> a = chunksOf("a");
    assertThat(a).extracting(SearchHit::chunkId).containsExactly("a#0");
    assertThat(a.get(0).text()).startsWith("gamma0");
    assertThat(a.get(0).metadata())
        .containsEntry("source", "test")
        .containsEntry("chunk", "0")
        .containsKey("content_hash");
  }

  @Test
  void removeDeletesTheChunksAndForgetsTheHash() {
    ingestor.ingest(List.of(doc("a", 5, "alpha")));

    ingestor.remove("a");

    assertThat(store.count()).isZero();
    assertThat(ingestor.ingest(List.of(doc("a", 5, "alpha"))).added()).isEqualTo(1);
  }
}
