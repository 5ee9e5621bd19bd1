package dev.pailot.serving.client.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A batch: formed as a candidate under the engine's lock, then sent (in halves after a 413). {@link
 * #call} is the HTTP call in flight for it, so that cancelling every member, or closing the
 * batcher, cancels the call.
 */
final class Batch<E, R> {
  final Object key;
  final List<BatchMember<E, R>> members = new ArrayList<>();
  int items;
  long tokens;
  boolean full;
  volatile CompletableFuture<?> call;

  Batch(Object key) {
    this.key = key;
  }

  void add(BatchMember<E, R> m) {
    members.add(m);
    items += m.items;
    tokens += m.tokens;
  }
}
