package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP attempt of a request on one endpoint. It is <em>committed</em> once output reached the
 * caller (a streamed delta); from then on a failure ends the request instead of being retried. The
 * commit and the decision to retry race through one atomic state, so a delta is either delivered
 * and the attempt is final, or the attempt was abandoned and the delta is dropped. Thread-safe.
 */
final class Attempt {
  private static final int RUNNING = 0;
  private static final int COMMITTED = 1;
  private static final int ENDED = 2;

  final PoolEndpoint endpoint;
  final int number;
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private volatile Runnable cancel;

  Attempt(PoolEndpoint endpoint, int number) {
    this.endpoint = endpoint;
    this.number = number;
  }

  /** Marks that output reached the caller; false if the attempt was already abandoned. */
  boolean commit() {
    return state.compareAndSet(RUNNING, COMMITTED) || state.get() == COMMITTED;
  }

  boolean committed() {
    return state.get() == COMMITTED;
  }

  /** Ends a running attempt; true if it was running (not committed, not ended). */
  boolean endUncommitted() {
    return state.compareAndSet(RUNNING, ENDED);
  }

  /** Ends the attempt whatever its state; true if this call ended it. */
  boolean end() {
    return state.getAndSet(ENDED) != ENDED;
  }

  boolean ended() {
    return state.get() == ENDED;
  }

  /**
   * Registers how to cancel the HTTP call; cancels at once if the attempt already ended (it can
   * only have ended by failing or being cancelled: a success needs the call).
   */
  void onCancel(Runnable c) {
    cancel = c;
    if (ended()) {
      c.run();
    }
  }

  void cancelHttp() {
    Runnable c = cancel;
    if (c != null) {
      c.run();
    }
  }
}
