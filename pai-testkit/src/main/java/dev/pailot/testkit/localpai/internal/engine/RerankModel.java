package dev.pailot.testkit.localpai.internal.engine;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic stand-in for a cross-encoder: a document's relevance is the share of the query's
 * words it contains, squashed into (0, 1) by a logistic curve, plus a tiny hash-based term that
 * breaks ties repeatably. Documents sharing more of the query's words always rank higher, so rerank
 * order is meaningful in tests. Stateless and thread-safe.
 */
final class RerankModel {
  private static final Set<String> STOP_WORDS =
      Set.of("a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "are", "what", "how");

  double score(String query, String document) {
    Set<String> q = words(query);
    if (q.isEmpty()) {
      return 0.5;
    }
    Set<String> d = words(document);
    int hits = 0;
    for (String w : q) {
      if (d.contains(w)) {
        hits++;
      }
    }
    double overlap = (double) hits / q.size();
    double tieBreak = Math.floorMod((query + '\u0000' + document).hashCode(), 1000) / 1e6;
    return 1 / (1 + Math.exp(-8 * (overlap - 0.35))) * 0.999 + tieBreak;
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !STOP_WORDS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
