package dev.pailot.rag.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.store.LexicalSearch;
import dev.pailot.rag.store.SearchHit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionRerankerTest {
  private static SearchHit hit(String id, String text, double score, int rank) {
    return SearchHit.builder()
        .chunkId(id)
        .documentId(id)
        .text(text)
        .metadata(Map.of())
        .score((float) score)
        .rank(rank)
        .build();
  }

  private final List<SearchHit> dense =
      List.of(
          hit("a", "Deploy a service with a blue-green release.", 0.80, 1),
          hit("b", "Services scale on queries per second.", 0.79, 2),
          hit("c", "The autoscaler reads QPS per instance to scale the service.", 0.78, 3));

  @Test
  void localBm25PromotesTheCandidateSharingTheQueryTerms() {
    List<Reranked> out = FusionReranker.local().rerank("autoscaler QPS instance", dense, 2);

    assertThat(out).extracting(r -> r.hit().chunkId()).containsExactly("c", "a");
    assertThat(out).extracting(Reranked::rank).containsExactly(1, 2);
    // RRF: 1/(60+3) dense + 1/(60+1) lexical for c; a has no query term (tied last lexically).
    assertThat(out.get(0).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within());
  }

  @Test
  void zeroLexicalWeightKeepsTheDenseOrder() {
    List<Reranked> out =
        FusionReranker.local()
            .fusing(FusionReranker.Method.RRF, 0)
            .rerank("autoscaler QPS instance", dense, 3);

    assertThat(out).extracting(r -> r.hit().chunkId()).containsExactly("a", "b", "c");
  }

  @Test
  void storeBm25RanksComeFromLexicalSearchAndMissingCandidatesRankLast() {
    LexicalSearch lexical =
        (query, topK, filter) -> List.of(hit("b", "", 7.5, 1), hit("zzz", "", 5.0, 2));
    FusionReranker fusion = FusionReranker.withLexical(lexical);

    List<Reranked> out = fusion.rerank("anything", dense, 3);

    assertThat(out).extracting(r -> r.hit().chunkId()).containsExactly("b", "a", "c");
    assertThat(fusion.name()).isEqualTo("fusion-rrf-store-bm25");
  }

  @Test
  void normalizedFusionMixesMinMaxScores() {
    List<Reranked> out =
        FusionReranker.local()
            .fusing(FusionReranker.Method.NORMALIZED, 1.0)
            .rerank("autoscaler QPS instance", dense, 3);

    // c: dense 0 (lowest) + lexical 1 (only match) = 1; a: dense 1 + lexical 0 = 1; ties keep the
    // dense order, so a stays first; b: 0.5 + 0.
    assertThat(out).extracting(r -> r.hit().chunkId()).containsExactly("a", "c", "b");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
