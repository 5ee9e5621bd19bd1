package dev.pailot.serving.client.internal.admission;

import dev.pailot.serving.client.PriorityClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The queue both controllers share: a bounded queue ordered by priority class, then arrival. A
 * request whose class has room and finds no queued request of its class or a higher one starts at
 * once; otherwise it queues, unless the queue is full or {@link #refuseQueued} says no (refused at
 * once). A queued request whose deadline passes is removed and refused by a timer. A batch request
 * needs room under {@link #batchLimit(int)} as well as under the limit. Futures are completed
 * outside the lock, so their continuations never run under it. Thread-safe.
 */
abstract class QueuedAdmission implements AdmissionController {
  private static final Comparator<Waiter> ORDER =
      Comparator.comparingInt((Waiter w) -> w.priorityClass.ordinal())
          .thenComparingLong(w -> w.seq);

  private final int maxQueued;
  private final ScheduledExecutorService timer;

  /** The {@link System#nanoTime()}-compatible clock deadlines and hold times are measured on. */
  final LongSupplier clock;

  private final PriorityQueue<Waiter> queue = new PriorityQueue<>(ORDER);
  private int inFlight;
  private int batchInFlight;
  private long nextSeq;
  private boolean closed;

  QueuedAdmission(int maxQueued, ScheduledExecutorService timer, LongSupplier clock) {
    this.maxQueued = maxQueued;
    this.timer = timer;
    this.clock = clock;
  }

  /** The concurrency limit now. Called under the lock; must not block. */
  abstract int currentLimit();

  /** Batch requests that may be in flight under {@code limit}; all of it by default. */
  int batchLimit(int limit) {
    return limit;
  }

  /**
   * Whether to refuse a request that would queue behind {@code ahead} others, before it queues.
   * Called under the lock.
   *
   * @return the refusal, or {@code null} to queue it
   */
  AdmissionDenial.Kind refuseQueued(PriorityClass priorityClass, int ahead, long deadlineNanos) {
    return null;
  }

  /**
   * Learns from a released permit, before its slot is handed on. Called outside the lock.
   *
   * @param firstTokenSeen whether {@link #onFirstToken} was called for this permit
   */
  void onRelease(
      Outcome outcome,
      long latencyNanos,
      int inFlightBefore,
      long holdNanos,
      boolean firstTokenSeen) {}

  /**
   * Learns from a stream's first token while its permit is still held. Called outside the lock, on
   * the stream's reading thread, once per stream: a controller that does not learn from it should
   * return at once.
   */
  void onFirstToken(long latencyNanos, long heldNanos) {}

  @Override
  public final CompletableFuture<Permit> acquire(PriorityClass priorityClass, long deadlineNanos) {
    Waiter waiter;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(denial(AdmissionDenial.Kind.CLOSED));
      }
      Waiter head = queue.peek();
      boolean nobodyAhead = head == null || head.priorityClass.ordinal() > priorityClass.ordinal();
      if (nobodyAhead && fits(priorityClass)) {
        return CompletableFuture.completedFuture(grant(priorityClass));
      }
      if (queue.size() >= maxQueued) {
        return CompletableFuture.failedFuture(denial(AdmissionDenial.Kind.QUEUE_FULL));
      }
      AdmissionDenial.Kind refusal =
          refuseQueued(priorityClass, ahead(priorityClass), deadlineNanos);
      if (refusal != null) {
        return CompletableFuture.failedFuture(denial(refusal));
      }
      waiter = new Waiter(priorityClass, nextSeq++);
      queue.add(waiter);
    }
    waiter.future.whenComplete((p, e) -> withdraw(waiter));
    if (deadlineNanos != Long.MAX_VALUE) {
      long delay = deadlineNanos - clock.getAsLong();
      waiter.expiry = timer.schedule(() -> expire(waiter), delay, TimeUnit.NANOSECONDS);
    }
    return waiter.future;
  }

  private int ahead(PriorityClass priorityClass) {
    int n = 0;
    for (Waiter w : queue) {
      if (w.priorityClass.ordinal() <= priorityClass.ordinal()) {
        n++;
      }
    }
    return n;
  }

  private boolean fits(PriorityClass priorityClass) {
    int limit = currentLimit();
    return inFlight < limit
        && (priorityClass != PriorityClass.BATCH || batchInFlight < batchLimit(limit));
  }

  private SlotPermit grant(PriorityClass priorityClass) {
    inFlight++;
    if (priorityClass == PriorityClass.BATCH) {
      batchInFlight++;
    }
    return new SlotPermit(priorityClass, clock.getAsLong());
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

  private void release(SlotPermit permit, Outcome outcome, long latencyNanos) {
    int before;
    synchronized (this) {
      before = inFlight;
    }
    onRelease(
        outcome,
        latencyNanos,
        before,
        clock.getAsLong() - permit.grantedNanos,
        permit.firstTokenSeen.get());
    synchronized (this) {
      inFlight--;
      if (permit.priorityClass == PriorityClass.BATCH) {
        batchInFlight--;
      }
    }
    drain();
  }

  /** Admits queued requests while the head fits: the limit may have grown. */
  final void drain() {
    while (true) {
      List<Waiter> admitted = new ArrayList<>();
      List<SlotPermit> permits = new ArrayList<>();
      synchronized (this) {
        while (!queue.isEmpty() && fits(queue.peek().priorityClass)) {
          Waiter next = queue.poll();
          admitted.add(next);
          permits.add(grant(next.priorityClass));
        }
      }
      if (admitted.isEmpty()) {
        return;
      }
      boolean slotFreed = false;
      for (int i = 0; i < admitted.size(); i++) {
        if (!admitted.get(i).future.complete(permits.get(i))) {
          // The waiter was cancelled meanwhile: give the slot back and offer it to the next one.
          permits.get(i).returnUnused();
          slotFreed = true;
        }
      }
      if (!slotFreed) {
        return;
      }
    }
  }

  private AdmissionDenial denial(AdmissionDenial.Kind kind) {
    return new AdmissionDenial(kind, currentLimit(), queue.size());
  }

  @Override
  public int limit() {
    return currentLimit();
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
    int limit;
    synchronized (this) {
      closed = true;
      waiting = queue.toArray(new Waiter[0]);
      queue.clear();
      limit = currentLimit();
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
    final AtomicBoolean firstTokenSeen = new AtomicBoolean();
    final PriorityClass priorityClass;
    final long grantedNanos;

    SlotPermit(PriorityClass priorityClass, long grantedNanos) {
      this.priorityClass = priorityClass;
      this.grantedNanos = grantedNanos;
    }

    @Override
    public void release(Outcome outcome, long latencyNanos) {
      if (released.compareAndSet(false, true)) {
        QueuedAdmission.this.release(this, outcome, latencyNanos);
      }
    }

    @Override
    public void firstToken(long latencyNanos) {
      if (!released.get() && firstTokenSeen.compareAndSet(false, true)) {
        onFirstToken(latencyNanos, clock.getAsLong() - grantedNanos);
      }
    }

    /** Takes back a slot granted to a waiter that was cancelled: no sample. */
    void returnUnused() {
      if (released.compareAndSet(false, true)) {
        synchronized (QueuedAdmission.this) {
          inFlight--;
          if (priorityClass == PriorityClass.BATCH) {
            batchInFlight--;
          }
        }
      }
    }
  }
}
