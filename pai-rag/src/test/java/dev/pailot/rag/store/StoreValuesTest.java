package dev.pailot.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreValuesTest {
  @Test
  void filtersCombineConditionsWithAnd() {
    MetadataFilter f =
        MetadataFilter.builder().anyOf("lang", "en", "de").equalTo("source", "faq").build();
    assertThat(f.matches(Map.of("lang", "de", "source", "faq"))).isTrue();
    assertThat(f.matches(Map.of("lang", "fr", "source", "faq"))).isFalse();
    assertThat(f.matches(Map.of("lang", "en"))).isFalse();
    assertThat(MetadataFilter.none().matches(Map.of())).isTrue();
    // The same key twice keeps only the common values.
    MetadataFilter twice =
        MetadataFilter.builder()
            .anyOf("lang", "en", "de")
            .anyOf("lang", List.of("de", "fr"))
            .build();
    assertThat(twice.conditions()).containsExactly(Map.entry("lang", Set.of("de")));
    assertThatThrownBy(
            () -> MetadataFilter.builder().equalTo("lang", "en").equalTo("lang", "de").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("conditions[lang]");
  }

  @Test
  void chunksAndQueriesAreValidatedAtTheBuilder() {
    assertThatThrownBy(
            () -> StoredChunk.builder().id("a").text("t").vector(new float[] {1}).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("documentId");
    assertThatThrownBy(
            () ->
                StoredChunk.builder()
                    .id(" ")
                    .documentId("d")
                    .text("t")
                    .vector(new float[] {1})
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(
            () ->
                StoredChunk.builder()
                    .id("a")
                    .documentId("d")
                    .text("t")
                    .vector(new float[] {Float.NaN})
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> VectorQuery.of(new float[] {1}, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("topK");
    assertThatThrownBy(() -> VectorQuery.of(new float[0], 3))
        .isInstanceOf(ValidationException.class);
    assertThat(VectorQuery.builder().vector(new float[] {1}).build().topK()).isEqualTo(10);
  }

  @Test
  void vectorsAreCopiedInAndOut() {
    float[] v = {1, 2};
    StoredChunk c = StoredChunk.builder().id("a").documentId("d").text("t").vector(v).build();
    v[0] = 9;
    c.vector()[1] = 9;
    assertThat(c.vector()).containsExactly(1, 2);
    assertThat(c.toString()).contains("dimension=2").doesNotContain("textLength=0, vector");
  }

  @Test
  void luceneSettingsAreChecked() {
    LuceneStoreConfig d = LuceneStoreConfig.builder().path(Path.of("x")).build();
    assertThat(d.rescore()).isFalse();
    assertThat(
            LuceneStoreConfig.builder()
                .path(Path.of("x"))
                .precision(VectorPrecision.INT8)
                .build()
                .rescore())
        .isTrue();
    assertThatThrownBy(
            () -> LuceneStoreConfig.builder().path(Path.of("x")).maxConnections(1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> LuceneStoreConfig.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("path");
  }

  @Test
  void dashVectorSettingsAreCheckedAndTheKeyIsRedacted() {
    DashVectorConfig.Builder b =
        DashVectorConfig.builder().endpoint("vrs-x.example").apiKey("sk-123").collection("docs");
    assertThat(b.build().toString()).doesNotContain("sk-123");
    assertThatThrownBy(() -> b.collection("1bad").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("collection");
    assertThatThrownBy(() -> b.collection("ok").batchSize(2000).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batchSize");
  }

  @Test
  void similaritiesCompareAsDocumented() {
    float[] a = {3, 0};
    float[] b = {1, 1};
    assertThat(VectorSimilarity.COSINE.compare(a, b))
        .isCloseTo((float) Math.sqrt(0.5), org.assertj.core.api.Assertions.within(1e-6f));
    assertThat(VectorSimilarity.DOT_PRODUCT.compare(a, b)).isEqualTo(3f);
  }
}
