/**
 * The RAG pipeline: embed, retrieve, rerank, assemble and generate, each under a latency budget
 * with a degrade-or-fail policy.
 */
package dev.pailot.rag.pipeline;
