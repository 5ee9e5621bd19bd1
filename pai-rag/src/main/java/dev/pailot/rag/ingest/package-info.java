/**
 * Ingestion: token-based chunking with overlap, batched embedding, idempotent writes by document id
 * and content hash.
 */
package dev.pailot.rag.ingest;
