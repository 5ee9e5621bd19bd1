package dev.pailot.serving.client.internal.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.AbstractLimit;
import java.util.function.IntFunction;

/**
 * TCP's slow start in front of a concurrency-limits algorithm, which concurrency-limits does not
 * have: until the first congested sample the limit doubles on every sample that used at least half
 * of it; the first congested sample (a drop, or a latency above the timeout) halves it and hands
 * over to the congestion-avoidance algorithm, built then with the halved limit as its initial
 * limit. Behind a {@code WindowedLimit} a sample is a whole window.
 *
 * <p>Why: an additive increase of one per window climbs from a cautious initial limit to an
 * engine's KV-cache cliff (tens to hundreds of sequences) in tens of seconds, refusing work the
 * whole time (issue 6, goodput benchmark run I); doubling gets there in a few windows, and halving
 * on the first congested window goes back to the last limit that was not congested. Thread-safe
 * ({@link AbstractLimit#onSample} is synchronized).
 */
final class SlowStartLimit extends AbstractLimit {
  private final int minLimit;
  private final int maxLimit;
  private final long timeoutNanos;
  private final IntFunction<Limit> avoidance;
  private Limit after; // guarded by this (onSample is synchronized): null while starting

  /**
   * Creates the limit.
   *
   * @param minLimit the lowest the first halving goes
   * @param initialLimit the limit slow start begins at
   * @param maxLimit the highest doubling goes
   * @param timeoutNanos a sample whose latency is above this is congested
   * @param avoidance builds the congestion-avoidance algorithm from its initial limit
   */
  SlowStartLimit(
      int minLimit,
      int initialLimit,
      int maxLimit,
      long timeoutNanos,
      IntFunction<Limit> avoidance) {
    super(initialLimit);
    this.minLimit = minLimit;
    this.maxLimit = maxLimit;
    this.timeoutNanos = timeoutNanos;
    this.avoidance = avoidance;
  }

  /** Whether the first congested sample has not been seen yet. */
  synchronized boolean starting() {
    return after == null;
  }

  @Override
  protected int _update(long startTime, long rtt, int inflight, boolean didDrop) {
    if (after != null) {
      after.onSample(startTime, rtt, inflight, didDrop);
      return after.getLimit();
    }
    int current = getLimit();
    if (didDrop || rtt > timeoutNanos) {
      after = avoidance.apply(Math.max(minLimit, current / 2));
      return after.getLimit();
    }
    if (inflight * 2 >= current) {
      return (int) Math.min(maxLimit, 2L * current);
    }
    return current;
  }

  @Override
  public String toString() {
    return "SlowStartLimit [limit=" + getLimit() + ", starting=" + starting() + "]";
  }
}
