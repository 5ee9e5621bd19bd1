package dev.pailot.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {
  @Test
  void evictsTheLeastRecentlyUsedAndMatchesLooselyOnlyWhenAsked() {
    EmbeddingCache cache = EmbeddingCache.ofCapacity(2);
    float[] a = {1};
    cache.put("m", "What is EAS?", a);
    cache.put("m", "b", new float[] {2});
    cache.exact("m", "What is EAS?"); // a is now the most recent
    cache.put("m", "c", new float[] {3});

    assertThat(cache.exact("m", "b")).isEmpty();
    assertThat(cache.exact("m", "What is EAS?")).containsSame(a);
    assertThat(cache.exact("m", "what is eas")).isEmpty();
    assertThat(cache.similar("m", "  what is EAS ")).containsSame(a);
    assertThat(cache.similar("other-model", "What is EAS?")).isEmpty();
    assertThat(cache.size()).isEqualTo(2);
  }
}
