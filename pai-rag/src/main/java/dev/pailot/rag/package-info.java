/**
 * Retrieval-augmented generation (not yet implemented): embed, retrieve top-K, rerank to top-N,
 * assemble and generate inside a per-stage latency budget, with embedded defaults (Lucene HNSW, an
 * in-process ONNX embedder) and managed backends.
 */
package dev.pailot.rag;
