/**
 * Retrieval-augmented generation: embed, retrieve top-K, rerank to top-N, assemble and generate
 * inside a per-stage latency budget ({@link dev.pailot.rag.pipeline.RagPipeline}), with embedded
 * defaults (Lucene HNSW, an in-process ONNX embedder) and managed backends. See docs/rag.md.
 */
package dev.pailot.rag;
