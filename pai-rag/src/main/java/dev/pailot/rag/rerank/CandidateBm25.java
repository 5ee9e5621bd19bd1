package dev.pailot.rag.rerank;

import dev.pailot.rag.store.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** BM25 (k1 = 1.2, b = 0.75) of the query against the candidates, with IDF from the candidates. */
final class CandidateBm25 {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "are", "for", "with", "how",
          "what", "do", "i", "it", "by", "be", "as", "at");

  private CandidateBm25() {}

  static double[] scores(String query, List<SearchHit> candidates) {
    int n = candidates.size();
    List<Map<String, Integer>> tf = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    double avgLen = 0;
    int[] len = new int[n];
    for (int i = 0; i < n; i++) {
      Map<String, Integer> counts = new HashMap<>();
      List<String> terms = terms(candidates.get(i).text());
      terms.forEach(t -> counts.merge(t, 1, Integer::sum));
      counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      tf.add(counts);
      len[i] = terms.size();
      avgLen += terms.size();
    }
    avgLen = n == 0 ? 1 : Math.max(1, avgLen / n);
    double[] out = new double[n];
    for (String q : new HashSet<>(terms(query))) {
      int d = df.getOrDefault(q, 0);
      if (d == 0) {
        continue;
      }
      double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      for (int i = 0; i < n; i++) {
        int f = tf.get(i).getOrDefault(q, 0);
        if (f > 0) {
          out[i] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * len[i] / avgLen));
        }
      }
    }
    return out;
  }

  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
      if (!w.isEmpty() && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
