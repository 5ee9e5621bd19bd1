package dev.pailot.serving.client.batch.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A mapped future whose cancellation reaches the source (closing the source's HTTP call). */
final class CancelThrough {
  private CancelThrough() {}

  static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<A, B> f) {
    CompletableFuture<B> out = source.thenApply(f);
    out.whenComplete(
        (v, t) -> {
          if (out.isCancelled()) {
            source.cancel(true);
          }
        });
    return out;
  }
}
