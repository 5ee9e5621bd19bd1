package dev.pailot.rag.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Blocks on the futures of the inference client's micro-batchers for the RAG stages, which are
 * blocking calls that the pipeline interrupts when a stage's budget runs out.
 */
public final class Futures {
  private Futures() {}

  /**
   * Waits for every future and returns their values in order. Interrupting the caller cancels the
   * futures (a batcher withdraws texts whose batch has not left) and throws.
   *
   * @param futures the futures
   * @param <T> value type
   * @return the values, in the futures' order
   * @throws RuntimeException the first failed future's exception, unwrapped
   * @throws CancellationException when the caller is interrupted; the interrupt flag stays set
   */
  public static <T> List<T> all(List<CompletableFuture<T>> futures) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(false));
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("interrupted while waiting for a batch");
      c.initCause(e);
      throw c;
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    }
    List<T> out = new ArrayList<>(futures.size());
    futures.forEach(f -> out.add(f.join()));
    return out;
  }

  private static RuntimeException unwrapped(Throwable cause) {
    Throwable t = cause;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException("batched inference call failed", t);
  }
}
