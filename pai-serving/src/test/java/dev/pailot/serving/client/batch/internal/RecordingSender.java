package dev.pailot.serving.client.batch.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A sender whose calls the test answers by hand; it tracks the most calls open at once. */
final class RecordingSender implements BatchEngine.Sender<String, String> {
  record Call(Object key, List<String> elements, CompletableFuture<List<String>> future) {
    /** Answers each element with "r:" + element. */
    void answer() {
      future.complete(elements.stream().map(e -> "r:" + e).toList());
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger maxOpen = new AtomicInteger();

  @Override
  public CompletableFuture<List<String>> send(Object key, List<String> elements, long waited) {
    CompletableFuture<List<String>> f = new CompletableFuture<>();
    int open = 1 + (int) calls.stream().filter(c -> !c.future().isDone()).count();
    maxOpen.accumulateAndGet(open, Math::max);
    calls.add(new Call(key, List.copyOf(elements), f));
    return f;
  }

  Call call(int i) {
    return calls.get(i);
  }

  List<List<String>> batches() {
    return calls.stream().map(Call::elements).toList();
  }
}
