package dev.pailot.serving.client.batch.internal;

import java.util.concurrent.CompletableFuture;

/**
 * One submitted member of a batch: what to send, its share of the limits, when it arrived, and the
 * caller's future.
 */
final class BatchMember<E, R> {
  final E element;
  final Object key;
  final int items;
  final long tokens;
  final long enqueued;
  final CompletableFuture<R> future = new CompletableFuture<>();
  Batch<E, R> batch; // set when its batch forms, under the engine's lock

  BatchMember(E element, Object key, int items, long tokens, long enqueued) {
    this.element = element;
    this.key = key;
    this.items = items;
    this.tokens = tokens;
    this.enqueued = enqueued;
  }
}
