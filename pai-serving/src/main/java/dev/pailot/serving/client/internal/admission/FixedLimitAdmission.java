package dev.pailot.serving.client.internal.admission;

import dev.pailot.serving.client.PriorityClass;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed concurrency limit with a bounded queue ordered by priority class, then arrival. A request
 * that finds a free slot and an empty queue starts at once; otherwise it queues, unless the queue
 * is full (refused at once). A queued request whose deadline passes is removed and refused by a
 * timer on {@code timer}. Futures are completed outside the lock, so their continuations never run
 * under it. Thread-safe.
 */
public final class FixedLimitAdmission implements AdmissionController {
  private static final Comparator<Waiter> ORDER =
      Comparator.comparingInt((Waiter w) -> w.priorityClass.ordinal())
          .thenComparingLong(w -> w.seq);

  private final int limit;
  private final int maxQueued;
  private final ScheduledExecutorService timer;
  private final PriorityQueue<Waiter> queue = new PriorityQueue<>(ORDER);
  private int inFlight;
  private long nextSeq;
  private boolean closed;

  /**
   * Creates the controller.
   *
   * @param limit requests in flight at once, at least 1
   * @param maxQueued requests that may wait, at least 0
   * @param timer runs deadline expiries
   */
  public FixedLimitAdmission(int limit, int maxQueued, ScheduledExecutorService timer) {
    this.limit = limit;
    this.maxQueued = maxQueued;
    this.timer = timer;
  }

  @Override
  public CompletableFuture<Permit> acquire(PriorityClass priorityClass, long deadlineNanos) {
    Waiter waiter;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(denial(AdmissionDenial.Kind.CLOSED));
      }
      if (inFlight < limit && queue.isEmpty()) {
        inFlight++;
        return CompletableFuture.completedFuture(new SlotPermit());
      }
      if (queue.size() >= maxQueued) {
        return CompletableFuture.failedFuture(denial(AdmissionDenial.Kind.QUEUE_FULL));
      }
      waiter = new Waiter(priorityClass, nextSeq++);
      queue.add(waiter);
    }
    waiter.future.whenComplete((p, e) -> withdraw(waiter));
    if (deadlineNanos != Long.MAX_VALUE) {
      long delay = deadlineNanos - System.nanoTime();
      waiter.expiry = timer.schedule(() -> expire(waiter), delay, TimeUnit.NANOSECONDS);
    }
    return waiter.future;
  }

  private void expire(Waiter waiter) {
    AdmissionDenial denial;
    synchronized (this) {
      if (!queue.remove(waiter)) {
        return;
      }
      denial = denial(AdmissionDenial.Kind.DEADLINE);
    }
    waiter.future.completeExceptionally(denial);
  }

  /** Removes a waiter whose future was completed by someone else (cancelled by its caller). */
  private void withdraw(Waiter waiter) {
    if (waiter.expiry != null) {
      waiter.expiry.cancel(false);
    }
    synchronized (this) {
      queue.remove(waiter);
    }
  }

  private void releaseSlot() {
    while (true) {
      Waiter next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          inFlight--;
          return;
        }
        // The slot passes to the next waiter: inFlight stays the same.
      }
      if (next.future.complete(new SlotPermit())) {
        return;
      }
      // The waiter was cancelled meanwhile: offer the slot to the one after it.
    }
  }

  private AdmissionDenial denial(AdmissionDenial.Kind kind) {
    return new AdmissionDenial(kind, limit, queue.size());
  }

  @Override
  public int limit() {
    return limit;
  }

  @Override
  public synchronized int inFlight() {
    return inFlight;
  }

  @Override
  public synchronized int queued() {
    return queue.size();
  }

  @Override
  public void close() {
    Waiter[] waiting;
    synchronized (this) {
      closed = true;
      waiting = queue.toArray(new Waiter[0]);
      queue.clear();
    }
    for (Waiter w : waiting) {
      w.future.completeExceptionally(new AdmissionDenial(AdmissionDenial.Kind.CLOSED, limit, 0));
    }
  }

  private static final class Waiter {
    final PriorityClass priorityClass;
    final long seq;
    final CompletableFuture<Permit> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> expiry;

    Waiter(PriorityClass priorityClass, long seq) {
      this.priorityClass = priorityClass;
      this.seq = seq;
    }
  }

  private final class SlotPermit implements Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    @Override
    public void release(Outcome outcome, long latencyNanos) {
      if (released.compareAndSet(false, true)) {
        releaseSlot();
      }
    }
  }
}
