package dev.pailot.rag.embed;

/** Vector arithmetic shared by the embedders and rerankers. */
public final class Vectors {
  private Vectors() {}

  /**
   * A unit-length copy of {@code v} (a zero vector stays zero).
   *
   * @param v the vector
   * @return the normalised copy
   */
  public static float[] normalised(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] out = v.clone();
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < out.length; i++) {
        out[i] *= scale;
      }
    }
    return out;
  }

  /**
   * The dot product (cosine similarity for unit vectors).
   *
   * @param a first vector
   * @param b second vector, same length
   * @return the dot product
   */
  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
