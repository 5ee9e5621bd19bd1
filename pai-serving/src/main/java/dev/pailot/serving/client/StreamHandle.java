package dev.pailot.serving.client;

import java.util.concurrent.CompletableFuture;

/**
 * A running streamed request, returned by {@link InferenceClient#stream(ChatRequest,
 * StreamListener)}. The caller owns it: close it (or let it complete) when done. Thread-safe.
 *
 * <p>{@link #cancel()}, {@link #close()} before completion, and cancelling {@link #result()} all do
 * the same: the request leaves the client's queue or its HTTP connection is closed, so the engine
 * aborts the generation and frees its KV cache.
 */
public interface StreamHandle extends AutoCloseable {
  /**
   * The whole answer: completes when the stream ends, exceptionally with the same failure the
   * listener's {@code onError} receives, or with a {@link
   * java.util.concurrent.CancellationException} after {@link #cancel()}. Dependent stages run on
   * the client's I/O thread unless you use the {@code *Async} variants with your own executor.
   *
   * @return the result future
   */
  CompletableFuture<ChatResult> result();

  /** Cancels the request if it has not completed; does nothing otherwise. Idempotent. */
  void cancel();

  /**
   * Whether the stream has completed, failed or been cancelled.
   *
   * @return {@code true} once done
   */
  default boolean isDone() {
    return result().isDone();
  }

  /** Same as {@link #cancel()}: closing a completed stream does nothing. */
  @Override
  default void close() {
    cancel();
  }
}
