/**
 * Embedders: all-MiniLM-L6-v2 in-process through ONNX Runtime, OpenAI-compatible embedding
 * endpoints on EAS, token counting, and the query embedding cache.
 */
package dev.pailot.rag.embed;
