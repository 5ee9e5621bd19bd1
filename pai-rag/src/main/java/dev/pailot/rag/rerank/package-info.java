/** Rerankers: a cross-encoder on EAS and the local fusion of dense and BM25 rankings. */
package dev.pailot.rag.rerank;
