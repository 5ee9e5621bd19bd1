package dev.pailot.rag.store;

/** How {@link LuceneVectorStore} keeps vectors in its HNSW graph. */
public enum VectorPrecision {
  /** Full 32-bit floats: exact scores, 4 bytes per dimension. */
  FLOAT32,
  /**
   * Scalar quantization to one byte per dimension (Lucene's {@code
   * Lucene99HnswScalarQuantizedVectorsFormat} with 7-bit values, as Elasticsearch's {@code
   * int8_hnsw}): the graph and its searches use a quarter of the memory. The float vectors stay on
   * disk beside the quantized ones, so the store can rescore the candidates exactly.
   */
  INT8
}
