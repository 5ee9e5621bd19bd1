/**
 * Micro-batching for the inference client: {@link dev.pailot.serving.client.batch.EmbeddingBatcher}
 * and {@link dev.pailot.serving.client.batch.RerankBatcher} coalesce single calls into batched HTTP
 * calls, configured by {@link dev.pailot.serving.client.batch.BatchSettings}. A batch leaves as
 * soon as it is full or a sender slot frees up, never waiting longer than {@code maxWait} while a
 * slot is free.
 */
package dev.pailot.serving.client.batch;
