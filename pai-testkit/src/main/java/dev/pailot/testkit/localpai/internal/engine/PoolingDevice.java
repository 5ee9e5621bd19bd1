package dev.pailot.testkit.localpai.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The GPU of an embedding or rerank replica: calls run one after another, each costing a fixed
 * overhead plus a cost per input, so larger batches amortise the overhead as on a real encoder.
 * {@link #reserve} books the device and says when the call completes; callers schedule their answer
 * for then, so no thread ever sleeps. Thread-safe.
 */
final class PoolingDevice {
  private final long callNanos;
  private final long itemNanos;
  private final AtomicInteger inFlight = new AtomicInteger();
  private long busyUntil;

  PoolingDevice(long callMicros, long itemMicros) {
    this.callNanos = callMicros * 1000;
    this.itemNanos = itemMicros * 1000;
  }

  /**
   * Books a call of {@code items} inputs.
   *
   * @return when it completes, on the {@link System#nanoTime()} scale
   */
  synchronized long reserve(int items, long nowNanos) {
    long start = Math.max(nowNanos, busyUntil);
    busyUntil = start + callNanos + itemNanos * items;
    inFlight.incrementAndGet();
    return busyUntil;
  }

  /** Records a completed call. */
  void completed() {
    inFlight.decrementAndGet();
  }

  /** Calls booked and not yet answered. */
  int inFlight() {
    return inFlight.get();
  }
}
