package dev.pailot.serving.client.batch;

import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankResult;
import java.util.concurrent.CompletableFuture;

/**
 * Coalesces rerank calls that share a query into batched {@code POST /v1/rerank} calls through an
 * {@link dev.pailot.serving.client.InferenceClient}. Get one from {@link
 * dev.pailot.serving.client.InferenceClient#rerankBatcher(BatchSettings)}.
 *
 * <p>The rerank API (Jina / vLLM shape, as LocalPai serves it) scores documents against one query,
 * so only requests with the same query, model, {@code returnDocuments}, extra body and priority
 * class share a batch: their documents are concatenated, scored in one call (without {@code
 * top_n}), and each caller gets its own documents back, best first, with indices into its own
 * request and its own {@code topN} applied. Batch limits count documents ({@link
 * BatchSettings#maxItems()}) and estimated tokens of each query-document pair ({@link
 * BatchSettings#maxTokens()}). A member's result carries the batch's request id and timings, and no
 * usage (the engine reports it for the whole batch). A member's deadline shortens its batch's
 * deadline.
 *
 * <p>Thread-safe; the rules of {@link EmbeddingBatcher} for leaving, failures, cancellation and
 * closing apply.
 */
public interface RerankBatcher extends AutoCloseable {
  /**
   * Reranks as part of a batch.
   *
   * @param request the request
   * @return the result's future; failures as for {@link EmbeddingBatcher#embed(String)}
   * @throws NullPointerException if {@code request} is null
   */
  CompletableFuture<RerankResult> rerank(RerankRequest request);

  /**
   * Documents waiting for a batch.
   *
   * @return pending documents
   */
  int pending();

  /**
   * Batches sent and not yet answered.
   *
   * @return batches in flight
   */
  int inFlight();

  /**
   * Refuses new requests, sends everything pending, and waits up to {@link
   * BatchSettings#closeTimeout()} for all batches to finish; what is left then fails. Idempotent.
   */
  @Override
  void close();

  /** Refuses new requests, fails pending ones and cancels batches in flight. Idempotent. */
  void closeNow();
}
