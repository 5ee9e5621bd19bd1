package dev.pailot.rag.store;

/**
 * How a store compares vectors. Every store reports {@link SearchHit#score()} as this similarity
 * itself (higher is more similar), whatever its engine uses internally, so scores from different
 * stores can be compared and fused.
 */
public enum VectorSimilarity {
  /**
   * Cosine similarity in {@code [-1, 1]}. Vectors need not be normalized; stores normalize them.
   */
  COSINE,
  /**
   * Dot product of the vectors as given. Use it only with vectors of unit length (most sentence
   * embedders produce them); it then equals cosine similarity and skips the normalization.
   */
  DOT_PRODUCT;

  /**
   * This similarity between two vectors of equal length.
   *
   * @param a first vector
   * @param b second vector
   * @return the similarity, higher is more similar
   */
  public float compare(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (this == DOT_PRODUCT) {
      return (float) dot;
    }
    return na == 0 || nb == 0 ? 0f : (float) (dot / Math.sqrt(na * nb));
  }
}
