package dev.pailot.rag.rerank;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.store.LexicalSearch;
import dev.pailot.rag.store.MetadataFilter;
import dev.pailot.rag.store.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local reranker: fuses the dense (vector) ranking of the candidates with a lexical BM25
 * ranking of the same candidates. It costs well under a millisecond for 20 candidates, so it fits
 * the rerank budget on a CPU where a cross-encoder does not, and it is the pipeline's fallback when
 * the cross-encoder is unavailable or over budget. Thread-safe.
 *
 * <p>BM25 comes from the store's {@link LexicalSearch} when it has one (corpus-level IDF: the
 * {@code lexicalDepth} best chunks for the query), else from BM25 computed over the candidates
 * alone (IDF from 20 texts is coarse but still rewards rare query terms).
 *
 * <p>Fusion, by {@link Method}: {@link Method#RRF} (default) is reciprocal rank fusion, {@code
 * score = 1/(k + denseRank) + lexicalWeight/(k + bm25Rank)} with k = 60, the lexical term only for
 * candidates BM25 matched at all. It uses ranks only, because cosine similarity and BM25 live on
 * unrelated scales and BM25's grows with query length; {@link Method#NORMALIZED} min-max normalises
 * both scores over the candidates and mixes them, which keeps score gaps but is sensitive to one
 * outlier. The quality benchmark measures both.
 */
public final class FusionReranker implements Reranker {
  /** How the two rankings are combined. */
  public enum Method {
    /** Reciprocal rank fusion with k = 60. */
    RRF,
    /** Min-max normalised scores, mixed with the lexical weight. */
    NORMALIZED
  }

  private static final int RRF_K = 60;

  private final LexicalSearch lexical;
  private final Method method;
  private final double lexicalWeight;
  private final int lexicalDepth;

  private FusionReranker(LexicalSearch lexical, Method method, double lexicalWeight, int depth) {
    this.lexical = lexical;
    this.method = method;
    if (!(lexicalWeight >= 0)) {
      throw ValidationException.invalidField(
          "lexicalWeight", "must be 0 or more", "use 1.0 to weigh BM25 like the dense ranking");
    }
    this.lexicalWeight = lexicalWeight;
    this.lexicalDepth = depth;
  }

  /**
   * RRF over BM25 computed from the candidates themselves (for stores without {@link
   * LexicalSearch}).
   *
   * @return the reranker
   */
  public static FusionReranker local() {
    return new FusionReranker(null, Method.RRF, 1.0, 0);
  }

  /**
   * RRF over the store's corpus-level BM25: the 100 best chunks for the query.
   *
   * @param lexical the store's lexical search
   * @return the reranker
   */
  public static FusionReranker withLexical(LexicalSearch lexical) {
    return new FusionReranker(java.util.Objects.requireNonNull(lexical), Method.RRF, 1.0, 100);
  }

  /**
   * A copy fusing with another method and lexical weight.
   *
   * @param method how to combine
   * @param lexicalWeight weight of the lexical side (dense has 1), 0 or more
   * @return the reranker
   * @throws ValidationException for a negative weight
   */
  public FusionReranker fusing(Method method, double lexicalWeight) {
    return new FusionReranker(lexical, method, lexicalWeight, lexicalDepth);
  }

  @Override
  public List<Reranked> rerank(String query, List<SearchHit> candidates, int topN) {
    int n = candidates.size();
    double[] bm25 = lexicalScores(query, candidates);
    double[] fused = new double[n];
    if (method == Method.RRF) {
      int[] lexRank = ranks(bm25);
      for (int i = 0; i < n; i++) {
        // A candidate BM25 did not match is absent from the lexical ranking: no lexical term.
        double lex = bm25[i] > 0 ? lexicalWeight / (RRF_K + lexRank[i]) : 0;
        fused[i] = 1.0 / (RRF_K + i + 1) + lex;
      }
    } else {
      double[] dense = new double[n];
      for (int i = 0; i < n; i++) {
        dense[i] = candidates.get(i).score();
      }
      double[] d = minMax(dense);
      double[] l = minMax(bm25);
      for (int i = 0; i < n; i++) {
        fused[i] = d[i] + lexicalWeight * l[i];
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    // Stable: equal fused scores keep the dense order.
    order.sort((a, b) -> Double.compare(fused[b], fused[a]));
    List<Reranked> out = new ArrayList<>();
    for (int i = 0; i < Math.min(topN, n); i++) {
      int c = order.get(i);
      out.add(Reranked.of(candidates.get(c), fused[c], i + 1));
    }
    return out;
  }

  private double[] lexicalScores(String query, List<SearchHit> candidates) {
    if (lexical == null) {
      return CandidateBm25.scores(query, candidates);
    }
    Map<String, Double> byChunk = new HashMap<>();
    for (SearchHit h : lexical.searchText(query, lexicalDepth, MetadataFilter.none())) {
      byChunk.put(h.chunkId(), (double) h.score());
    }
    double[] out = new double[candidates.size()];
    for (int i = 0; i < out.length; i++) {
      // 0 = not among the chunks BM25 returned.
      out[i] = byChunk.getOrDefault(candidates.get(i).chunkId(), 0.0);
    }
    return out;
  }

  /** 1-based ranks by descending score; ties share the better rank. */
  private static int[] ranks(double[] scores) {
    int[] out = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      int better = 0;
      for (double s : scores) {
        if (s > scores[i]) {
          better++;
        }
      }
      out[i] = better + 1;
    }
    return out;
  }

  private static double[] minMax(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = hi > lo ? (v[i] - lo) / (hi - lo) : 0;
    }
    return out;
  }

  @Override
  public String name() {
    return "fusion-"
        + method.name().toLowerCase(java.util.Locale.ROOT)
        + (lexical == null ? "-local-bm25" : "-store-bm25");
  }

  @Override
  public String toString() {
    return "FusionReranker{" + name() + ", lexicalWeight=" + lexicalWeight + "}";
  }
}
