package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a future on behalf of the blocking methods, rethrowing its failure unwrapped. */
final class Blocking {
  private Blocking() {}

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new InferenceException("inference request failed", ErrorDetails.none(), cause);
    } catch (InterruptedException e) {
      // Interrupting the caller aborts the request: the future's cancellation closes the call.
      future.cancel(false);
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("interrupted while waiting");
      c.initCause(e);
      throw c;
    }
  }
}
