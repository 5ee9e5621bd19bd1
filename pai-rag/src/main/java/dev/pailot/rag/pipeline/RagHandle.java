package dev.pailot.rag.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * A streamed RAG request in flight. Closing it cancels the request: a running stage is interrupted,
 * a generation's HTTP stream is closed (the engine then aborts it).
 */
public interface RagHandle extends AutoCloseable {
  /**
   * The whole answer: completes with the answer, or exceptionally with the failure {@link
   * RagListener#onError} receives, or with a {@link java.util.concurrent.CancellationException}.
   *
   * @return the result future
   */
  CompletableFuture<RagAnswer> result();

  /** Cancels the request; does nothing once it is done. */
  void cancel();

  @Override
  default void close() {
    cancel();
  }
}
