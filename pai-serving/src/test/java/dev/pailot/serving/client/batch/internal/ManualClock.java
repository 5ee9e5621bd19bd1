package dev.pailot.serving.client.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A clock that moves only when the test says so; timer tasks run on the test's thread. */
final class ManualClock implements BatchClock {
  private final List<Task> tasks = new ArrayList<>();
  private long now = 1_000_000_000L;
  boolean closed;

  private record Task(long due, Runnable task, CompletableFuture<Void> handle) {}

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Future<?> schedule(Runnable task, long delayNanos) {
    CompletableFuture<Void> handle = new CompletableFuture<>();
    tasks.add(new Task(now + delayNanos, task, handle));
    return handle;
  }

  /** Moves time forward and runs the tasks that came due, in due order. */
  void advanceMillis(long millis) {
    long target;
    synchronized (this) {
      target = now + millis * 1_000_000L;
    }
    while (true) {
      Task next = null;
      synchronized (this) {
        for (Task t : tasks) {
          if (t.due <= target && (next == null || t.due < next.due)) {
            next = t;
          }
        }
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due);
      }
      if (!next.handle.isCancelled()) {
        next.task.run();
        next.handle.complete(null);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    tasks.clear();
  }
}
