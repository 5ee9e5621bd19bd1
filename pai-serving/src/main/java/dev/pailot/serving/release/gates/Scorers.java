package dev.pailot.serving.release.gates;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Ready-made {@link Scorer}s for golden sets. All are thread-safe (the embedder given to {@link
 * #cosine} must be too).
 */
public final class Scorers {
  private Scorers() {}

  /**
   * 1 when the answer equals the expected text after trimming and collapsing whitespace, else 0.
   *
   * @return scorer
   */
  public static Scorer exact() {
    return (expected, actual) -> normalise(expected).equals(normalise(actual)) ? 1 : 0;
  }

  /**
   * 1 when the answer contains the expected text, ignoring case and extra whitespace, else 0.
   *
   * @return scorer
   */
  public static Scorer contains() {
    return (expected, actual) ->
        normalise(actual)
                .toLowerCase(Locale.ROOT)
                .contains(normalise(expected).toLowerCase(Locale.ROOT))
            ? 1
            : 0;
  }

  /**
   * Jaccard similarity of the two answers' word sets (lower case, letters and digits): shared words
   * divided by all distinct words; 1 for two empty answers.
   *
   * @return scorer
   */
  public static Scorer tokenJaccard() {
    return (expected, actual) -> {
      Set<String> a = tokens(expected);
      Set<String> b = tokens(actual);
      if (a.isEmpty() && b.isEmpty()) {
        return 1;
      }
      Set<String> union = new HashSet<>(a);
      union.addAll(b);
      a.retainAll(b);
      return a.size() / (double) union.size();
    };
  }

  /**
   * Cosine similarity of the two answers' embeddings, clamped to 0..1. The embedder is any
   * function, e.g. an {@code InferenceClient} calling an embedding service, or an in-process model.
   *
   * @param embedder text to vector; both vectors must have the same length
   * @return scorer
   */
  public static Scorer cosine(Function<String, float[]> embedder) {
    Objects.requireNonNull(embedder, "embedder");
    return (expected, actual) -> {
      float[] a = embedder.apply(expected);
      float[] b = embedder.apply(actual);
      if (a.length != b.length) {
        throw new IllegalArgumentException(
            "embeddings differ in length: " + a.length + " and " + b.length);
      }
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * (double) b[i];
        na += a[i] * (double) a[i];
        nb += b[i] * (double) b[i];
      }
      if (na == 0 || nb == 0) {
        return 0;
      }
      return Math.max(0, Math.min(1, dot / Math.sqrt(na * nb)));
    };
  }

  private static String normalise(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static Set<String> tokens(String s) {
    Set<String> out = new HashSet<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
