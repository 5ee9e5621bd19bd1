package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;

/** Vector arithmetic shared by the stores. */
final class Vectors {
  /** How far from 1 a vector's length may be for {@link VectorSimilarity#DOT_PRODUCT}. */
  private static final double UNIT_TOLERANCE = 1e-2;

  private Vectors() {}

  /**
   * Scales {@code vector} in place to unit length (a zero vector stays zero).
   *
   * @return the same array
   */
  static float[] normalize(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += (double) v * v;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < vector.length; i++) {
        vector[i] *= inv;
      }
    }
    return vector;
  }

  /**
   * The vector as the similarity needs it for a dot product: normalized for cosine, checked to be
   * of unit length for dot product (an index ranking by dot product assumes unit vectors).
   */
  static float[] prepare(VectorSimilarity similarity, float[] vector, String what) {
    if (similarity == VectorSimilarity.COSINE) {
      return normalize(vector);
    }
    double norm = 0;
    for (float v : vector) {
      norm += (double) v * v;
    }
    if (Math.abs(Math.sqrt(norm) - 1) > UNIT_TOLERANCE) {
      throw ValidationException.invalidField(
          "vector",
          what + " has length " + (float) Math.sqrt(norm) + ", not 1, under DOT_PRODUCT",
          "normalize the embeddings or use VectorSimilarity.COSINE");
    }
    return vector;
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
