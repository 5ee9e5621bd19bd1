package dev.pailot.serving.client.batch.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.serving.client.batch.BatchSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The batching core shared by the embedding and rerank batchers. Items wait in one FIFO queue; a
 * batch takes the oldest items sharing a key (in order, up to the item and token limits) and leaves
 * when it is full, when a sender slot has just freed up, or when its oldest item has waited {@code
 * maxWait}, provided a slot is free. (As in Triton's dynamic batcher and gax-java's batcher: size
 * and delay thresholds bound the batch; unlike a fixed delay, a slot that frees up takes what has
 * accumulated at once, since waiting longer cannot make the endpoint any less busy.)
 *
 * <p>Thread-safe: state is guarded by one lock; sending and completing futures happen outside it.
 *
 * @param <E> what callers submit
 * @param <R> what each caller gets back
 */
public final class BatchEngine<E, R> {
  /** Sends one batch as one HTTP call. */
  public interface Sender<E, R> {
    /**
     * Sends a batch.
     *
     * @param key the key its members share
     * @param elements the members, oldest first
     * @param waitedNanos how long its oldest member has waited
     * @return one result per element, in order; cancelling it must cancel the call
     */
    CompletableFuture<List<R>> send(Object key, List<E> elements, long waitedNanos);
  }

  private final BatchSettings settings;
  private final Sender<E, R> sender;
  private final BatchClock clock;
  private final BatchMetrics metrics;
  private final BatchRejections rejections;
  private final long maxWaitNanos;
  private final Object lock = new Object();
  private final ArrayDeque<BatchMember<E, R>> pending = new ArrayDeque<>();
  private final Set<Batch<E, R>> sent = new HashSet<>();
  private int pendingItems;
  private int inFlight;
  private boolean closed;
  private Future<?> timer;
  private long timerDue;

  /**
   * Creates an engine.
   *
   * @param settings limits
   * @param sender sends batches
   * @param clock time and timer; closed by {@link #closeNow()}
   * @param metrics where batch sizes and waits go
   * @param rejections builds the refusals
   */
  public BatchEngine(
      BatchSettings settings,
      Sender<E, R> sender,
      BatchClock clock,
      BatchMetrics metrics,
      BatchRejections rejections) {
    this.settings = settings;
    this.sender = sender;
    this.clock = clock;
    this.metrics = metrics;
    this.rejections = rejections;
    this.maxWaitNanos = settings.maxWait().toNanos();
  }

  /**
   * Queues one member.
   *
   * @param element what to send
   * @param key members share a batch only when their keys are equal
   * @param items its size toward {@code maxItems}
   * @param tokens its estimated tokens toward {@code maxTokens}
   * @return its result's future; cancelling it withdraws the member
   */
  public CompletableFuture<R> submit(E element, Object key, int items, long tokens) {
    BatchMember<E, R> e = new BatchMember<>(element, key, items, tokens, clock.nanoTime());
    RuntimeException refused = null;
    String reason = null;
    synchronized (lock) {
      if (closed) {
        refused = rejections.closed();
        reason = "closed";
      } else if (!pending.isEmpty() && pendingItems + items > settings.maxPending()) {
        refused = rejections.full(pendingItems, settings.maxPending());
        reason = "queue_full";
      } else {
        pending.addLast(e);
        pendingItems += items;
      }
    }
    if (refused != null) {
      metrics.rejected(reason);
      return CompletableFuture.failedFuture(refused);
    }
    e.future.whenComplete(
        (v, t) -> {
          if (t instanceof CancellationException) {
            withdraw(e);
          }
        });
    drain(false);
    return e.future;
  }

  /** Items waiting for a batch. */
  public int pending() {
    synchronized (lock) {
      return pendingItems;
    }
  }

  /** Batches sent and not yet finished. */
  public int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  private void withdraw(BatchMember<E, R> e) {
    CompletableFuture<?> call = null;
    synchronized (lock) {
      if (e.batch == null) {
        if (pending.remove(e)) {
          pendingItems -= e.items;
        }
      } else if (allDone(e.batch.members)) {
        call = e.batch.call;
      }
    }
    if (call != null) {
      call.cancel(true);
    }
  }

  private void drain(boolean slotFreed) {
    List<Batch<E, R>> out = new ArrayList<>();
    synchronized (lock) {
      long now = clock.nanoTime();
      boolean force = slotFreed || closed;
      while (inFlight < settings.maxInFlight() && !pending.isEmpty()) {
        Batch<E, R> f = nextBatch(now, force);
        if (f == null) {
          break;
        }
        inFlight++;
        sent.add(f);
        out.add(f);
      }
      armTimer(now);
    }
    for (Batch<E, R> f : out) {
      metrics.batch(f, clock.nanoTime());
      dispatch(f, f.members, () -> release(f));
    }
  }

  /** The first batch, in order of its oldest member, that may leave now; null if none. */
  private Batch<E, R> nextBatch(long now, boolean force) {
    pending.removeIf(
        e -> {
          boolean gone = e.future.isDone();
          pendingItems -= gone ? e.items : 0;
          return gone;
        });
    Map<Object, Batch<E, R>> byKey = new LinkedHashMap<>();
    for (BatchMember<E, R> e : pending) {
      Batch<E, R> c = byKey.computeIfAbsent(e.key, k -> new Batch<>(k));
      if (c.full) {
        continue;
      }
      if (c.members.isEmpty()
          || (c.items + e.items <= settings.maxItems()
              && c.tokens + e.tokens <= settings.maxTokens())) {
        c.add(e);
        c.full = c.items >= settings.maxItems() || c.tokens >= settings.maxTokens();
      } else {
        c.full = true;
      }
      if (c.full && byKey.size() == 1) {
        break; // the oldest key's batch is full: it goes first anyway
      }
    }
    for (Batch<E, R> c : byKey.values()) {
      if (c.full || force || now - c.members.get(0).enqueued >= maxWaitNanos) {
        for (BatchMember<E, R> e : c.members) {
          e.batch = c;
        }
        pending.removeIf(e -> e.batch == c);
        pendingItems -= c.items;
        return c;
      }
    }
    return null;
  }

  /** Wakes up when the oldest pending item has waited maxWait, if a slot is free by then. */
  private void armTimer(long now) {
    if (pending.isEmpty() || inFlight >= settings.maxInFlight() || closed) {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      return;
    }
    long due = pending.peekFirst().enqueued + maxWaitNanos;
    if (timer != null && timerDue == due && !timer.isDone()) {
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    timerDue = due;
    timer = clock.schedule(() -> drain(false), Math.max(0, due - now));
  }

  private void dispatch(Batch<E, R> root, List<BatchMember<E, R>> members, Runnable done) {
    if (allDone(members)) {
      done.run();
      return;
    }
    List<E> elements = new ArrayList<>(members.size());
    members.forEach(m -> elements.add(m.element));
    CompletableFuture<List<R>> call;
    try {
      call = sender.send(root.key, elements, clock.nanoTime() - members.get(0).enqueued);
    } catch (RuntimeException ex) {
      call = CompletableFuture.failedFuture(ex);
    }
    root.call = call;
    if (allDone(root.members)) {
      call.cancel(true);
    }
    call.whenComplete((results, error) -> finished(root, members, results, error, done));
  }

  private void finished(
      Batch<E, R> root,
      List<BatchMember<E, R>> members,
      List<R> results,
      Throwable error,
      Runnable done) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof PaiException p
        && p.httpStatus() == 413
        && settings.splitOnTooLarge()
        && members.size() > 1) {
      metrics.split();
      List<BatchMember<E, R>> first = members.subList(0, members.size() / 2);
      List<BatchMember<E, R>> second = members.subList(members.size() / 2, members.size());
      dispatch(root, first, () -> dispatch(root, second, done));
      return;
    }
    if (cause == null && (results == null || results.size() != members.size())) {
      cause = rejections.mismatch(members.size(), results == null ? 0 : results.size());
    }
    for (int i = 0; i < members.size(); i++) {
      if (cause != null) {
        members.get(i).future.completeExceptionally(cause);
      } else {
        members.get(i).future.complete(results.get(i));
      }
    }
    done.run();
  }

  private void release(Batch<E, R> f) {
    synchronized (lock) {
      inFlight--;
      sent.remove(f);
      lock.notifyAll();
    }
    drain(true);
  }

  /**
   * Refuses new members, sends everything pending and waits up to {@code closeTimeout} for all
   * batches; then fails what is left, as {@link #closeNow()}.
   */
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    drain(false);
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    synchronized (lock) {
      try {
        long left;
        while ((!pending.isEmpty() || inFlight > 0) && (left = deadline - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeNow();
  }

  /** Refuses new members, fails pending ones, cancels batches in flight and stops the timer. */
  public void closeNow() {
    List<BatchMember<E, R>> dropped;
    List<Batch<E, R>> running;
    synchronized (lock) {
      closed = true;
      dropped = new ArrayList<>(pending);
      pending.clear();
      pendingItems = 0;
      running = new ArrayList<>(sent);
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
    if (!dropped.isEmpty()) {
      RuntimeException refusal = rejections.closed();
      dropped.forEach(e -> e.future.completeExceptionally(refusal));
    }
    for (Batch<E, R> f : running) {
      RuntimeException abandoned = rejections.closedWhileRunning();
      f.members.forEach(m -> m.future.completeExceptionally(abandoned));
      CompletableFuture<?> call = f.call;
      if (call != null) {
        call.cancel(true);
      }
    }
    clock.close();
  }

  private static boolean allDone(List<? extends BatchMember<?, ?>> members) {
    for (BatchMember<?, ?> m : members) {
      if (!m.future.isDone()) {
        return false;
      }
    }
    return true;
  }
}
