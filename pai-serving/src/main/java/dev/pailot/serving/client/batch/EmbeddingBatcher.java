package dev.pailot.serving.client.batch;

import java.util.concurrent.CompletableFuture;

/**
 * Coalesces single-text embedding calls into batched {@code POST /v1/embeddings} calls ({@code
 * input: [...]}) through an {@link dev.pailot.serving.client.InferenceClient}. Get one from {@link
 * dev.pailot.serving.client.InferenceClient#embeddingBatcher(BatchSettings)}.
 *
 * <p>A batch leaves when it is full ({@link BatchSettings#maxItems()} texts or {@link
 * BatchSettings#maxTokens()} estimated tokens), when a sender slot frees up, or after {@link
 * BatchSettings#maxWait()} while a slot is free; at most {@link BatchSettings#maxInFlight()}
 * batches are in flight. Each batch is one ordinary request of the client (admission, timeouts,
 * metrics). Vectors are routed back to each caller's future by position. A failed batch fails every
 * member with its exception; a batch answered HTTP 413 is split and sent again (see {@link
 * BatchSettings#splitOnTooLarge()}).
 *
 * <p>Thread-safe. Futures complete on the client's I/O threads. Cancelling a future withdraws its
 * text if its batch has not left; a batch whose members are all cancelled is cancelled too. Close
 * the batcher before the client.
 */
public interface EmbeddingBatcher extends AutoCloseable {
  /**
   * Embeds one text as part of a batch.
   *
   * @param text the text
   * @return the vector's future; it fails with {@link
   *     dev.pailot.serving.client.AdmissionRejectedException} when too many items are pending
   *     ({@code QUEUE_FULL}) or the batcher is closed ({@code CLIENT_CLOSED}), and with the batch's
   *     exception when its batch fails
   * @throws NullPointerException if {@code text} is null
   */
  CompletableFuture<float[]> embed(String text);

  /**
   * Items waiting for a batch.
   *
   * @return pending items
   */
  int pending();

  /**
   * Batches sent and not yet answered.
   *
   * @return batches in flight
   */
  int inFlight();

  /**
   * Refuses new texts, sends everything pending, and waits up to {@link
   * BatchSettings#closeTimeout()} for all batches to finish; what is left then fails. Idempotent.
   */
  @Override
  void close();

  /**
   * Refuses new texts, fails pending ones and cancels batches in flight (closing their
   * connections). Idempotent.
   */
  void closeNow();
}
