package dev.pailot.serving.client.internal.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import dev.pailot.serving.client.PriorityClass;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * An adaptive concurrency limit that follows the congestion latency each permit reports (time to
 * first token for streams, time to the answer otherwise), never the whole generation, so long
 * outputs do not look like congestion. Queueing works as in {@link FixedLimitAdmission}:
 * interactive before batch, a bounded queue refused at once when full, deadline expiry while
 * queued, withdrawal on cancel. In addition:
 *
 * <ul>
 *   <li>batch requests may hold at most {@code (1 - interactiveShare)} of the current limit (at
 *       least one slot), so interactive requests keep a guaranteed share under batch load;
 *   <li>a request that would queue is refused at once ({@link AdmissionDenial.Kind#EXPECTED_WAIT})
 *       when its expected wait, {@code (requests ahead + 1) × average hold time / limit}, would end
 *       after its deadline. The average hold time is an exponential moving average of how long
 *       recent permits were held; until the first release nothing is refused this way.
 * </ul>
 *
 * <p>The limit is Netflix concurrency-limits' {@link Gradient2Limit}: it compares each sample to a
 * long-running average of the latency rather than to the minimum ever seen (as {@code VegasLimit}
 * does), which suits time to first token, whose no-load value varies with prompt length: one short
 * prompt would otherwise set a baseline every later request looks congested against. It grows while
 * samples stay near that average and the limit is in use, and cuts towards half when they rise.
 * Gradient2 ignores the drop flag, so a {@link Outcome#DROPPED} release is fed as a sample at least
 * twice the average latency, which lowers the limit. {@link Outcome#IGNORED} feeds nothing. {@link
 * #engineFeedback} lets the engines' own metrics cap the limit (see there). Thread-safe.
 */
public final class AdaptiveAdmission extends QueuedAdmission {
  private static final double HOLD_SMOOTHING = 0.2;

  private final Limit algorithm;
  private final int minLimit;
  private final int maxLimit;
  private final double interactiveShare;
  private volatile int limit;
  private volatile int cap;
  private double averageHoldNanos = Double.NaN;
  private double averageLatencyNanos = Double.NaN;

  /**
   * Creates the controller.
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
   * @param maxLimit the highest the limit goes
   * @param interactiveShare the share of the limit batch requests may not use, in {@code [0, 1)}
   * @param maxQueued requests that may wait, at least 0
   * @param timer runs deadline expiries
   * @param clock the {@link System#nanoTime()}-compatible clock deadlines are given on
   */
  public AdaptiveAdmission(
      int minLimit,
      int initialLimit,
      int maxLimit,
      double interactiveShare,
      int maxQueued,
      ScheduledExecutorService timer,
      LongSupplier clock) {
    super(maxQueued, timer, clock);
    this.minLimit = minLimit;
    this.maxLimit = maxLimit;
    this.interactiveShare = interactiveShare;
    this.limit = initialLimit;
    this.cap = maxLimit;
    this.algorithm =
        Gradient2Limit.newBuilder()
            .minLimit(minLimit)
            .initialLimit(initialLimit)
            .maxConcurrency(maxLimit)
            .build();
  }

  @Override
  int currentLimit() {
    return limit;
  }

  @Override
  int batchLimit(int current) {
    return Math.max(1, (int) Math.floor(current * (1 - interactiveShare)));
  }

  @Override
  synchronized AdmissionDenial.Kind refuseQueued(
      PriorityClass priorityClass, int ahead, long deadlineNanos) {
    if (deadlineNanos == Long.MAX_VALUE || Double.isNaN(averageHoldNanos)) {
      return null;
    }
    int slots = priorityClass == PriorityClass.BATCH ? batchLimit(limit) : limit;
    double expectedWait = (ahead + 1) * averageHoldNanos / slots;
    return expectedWait > deadlineNanos - clock.getAsLong()
        ? AdmissionDenial.Kind.EXPECTED_WAIT
        : null;
  }

  @Override
  void onRelease(Outcome outcome, long latencyNanos, int inFlightBefore, long holdNanos) {
    if (outcome == Outcome.IGNORED) {
      return;
    }
    long sample;
    synchronized (this) {
      averageHoldNanos = smooth(averageHoldNanos, holdNanos);
      sample = latencyNanos;
      if (outcome == Outcome.DROPPED && !Double.isNaN(averageLatencyNanos)) {
        sample = Math.max(latencyNanos, (long) (2 * averageLatencyNanos));
      } else if (outcome == Outcome.SUCCESS) {
        averageLatencyNanos = smooth(averageLatencyNanos, latencyNanos);
      }
    }
    algorithm.onSample(
        clock.getAsLong() - sample, sample, inFlightBefore, outcome == Outcome.DROPPED);
    limit = bounded(algorithm.getLimit());
  }

  private int bounded(int proposed) {
    return Math.max(minLimit, Math.min(Math.min(maxLimit, cap), proposed));
  }

  /**
   * Feedback from the engines' own metrics, once per scrape interval. Under pressure (requests
   * queued in an engine, or its KV cache nearly full) the limit is cut to {@code shrinkFactor} of
   * what it is and capped there, so Gradient2 cannot raise it while the pressure lasts. Without
   * pressure the cap rises by the inverse factor per interval (at least one slot) until it is
   * {@code maxLimit} again, and Gradient2 moves the limit freely below it: lifting the cap at once
   * would let the limit jump back to wherever Gradient2 was and flood the engine's queue again.
   *
   * @param pressure whether an engine is saturated
   * @param shrinkFactor the cut per interval under pressure, in (0, 1)
   */
  public void engineFeedback(boolean pressure, double shrinkFactor) {
    synchronized (this) {
      if (pressure) {
        cap = Math.max(minLimit, (int) Math.floor(Math.min(cap, limit) * shrinkFactor));
      } else if (cap < maxLimit) {
        cap = (int) Math.min(maxLimit, Math.max(cap + 1L, (long) Math.ceil(cap / shrinkFactor)));
      }
      limit = bounded(algorithm.getLimit());
    }
    drain();
  }

  /**
   * The cap engine feedback puts on the limit now ({@code maxLimit} when there is none).
   *
   * @return the cap
   */
  public int engineCap() {
    return cap;
  }

  private static double smooth(double average, long sample) {
    return Double.isNaN(average)
        ? sample
        : average * (1 - HOLD_SMOOTHING) + sample * HOLD_SMOOTHING;
  }
}
