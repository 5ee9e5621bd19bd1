package dev.pailot.serving.client.internal.admission;

import java.util.concurrent.ScheduledExecutorService;

/**
 * A fixed concurrency limit with a bounded queue ordered by priority class, then arrival. A request
 * that finds a free slot and no queued request of its class or a higher one starts at once;
 * otherwise it queues, unless the queue is full (refused at once). A queued request whose deadline
 * passes is removed and refused by a timer on {@code timer}. Futures are completed outside the
 * lock, so their continuations never run under it. Thread-safe.
 */
public final class FixedLimitAdmission extends QueuedAdmission {
  private final int limit;

  /**
   * Creates the controller.
   *
   * @param limit requests in flight at once, at least 1
   * @param maxQueued requests that may wait, at least 0
   * @param timer runs deadline expiries
   */
  public FixedLimitAdmission(int limit, int maxQueued, ScheduledExecutorService timer) {
    super(maxQueued, timer, System::nanoTime);
    this.limit = limit;
  }

  @Override
  int currentLimit() {
    return limit;
  }
}
