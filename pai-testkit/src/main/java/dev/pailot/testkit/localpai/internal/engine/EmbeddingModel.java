package dev.pailot.testkit.localpai.internal.engine;

import java.util.Locale;

/**
 * Deterministic text embeddings: words and character trigrams are hashed into signed dimensions
 * (feature hashing), a little seeded noise keeps distinct texts apart, and the vector is
 * L2-normalised. Texts that share words get a high cosine similarity, so retrieval over these
 * vectors behaves sensibly in tests. Stateless and thread-safe.
 */
final class EmbeddingModel {
  private final int dimension;
  private final long seed;

  EmbeddingModel(int dimension, long seed) {
    this.dimension = dimension;
    this.seed = seed;
  }

  int dimension() {
    return dimension;
  }

  float[] embed(String text) {
    float[] v = new float[dimension];
    String s = text.toLowerCase(Locale.ROOT);
    for (String word : s.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        add(v, mix(word.hashCode()), 1.0f);
      }
    }
    for (int i = 0; i + 3 <= s.length(); i++) {
      add(v, mix(s.substring(i, i + 3).hashCode() * 31L + 7), 0.25f);
    }
    long noise = mix(s.hashCode() ^ seed);
    for (int i = 0; i < dimension; i++) {
      noise = mix(noise + i);
      v[i] += (noise % 1000) / 1000f * 0.01f;
    }
    return normalise(v);
  }

  private void add(float[] v, long h, float weight) {
    int i = (int) Math.floorMod(h, (long) dimension);
    v[i] += (h & (1L << 40)) == 0 ? weight : -weight;
  }

  /** Keeps the first {@code dims} components and renormalises (Matryoshka-style truncation). */
  static float[] truncate(float[] v, int dims) {
    float[] out = new float[dims];
    System.arraycopy(v, 0, out, 0, dims);
    return normalise(out);
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
