package dev.pailot.serving.client.internal.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
import dev.pailot.serving.client.PriorityClass;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * #engineFeedback} lets the engines' own metrics cap the limit (see there).
 *
 * <p><b>One cut per round trip, when engine metrics steer.</b> Gradient2 cuts up to 10 % per
 * congested sample. Time to first token lags: every request that was already running when the
 * engine went past its KV-cache cliff reports a high latency, one after the other, although the
 * first cut already answered that congestion; fed all of them, the limit fell from ~120 to 8-13 in
 * the goodput benchmark (issue 6). With {@link #steerByEngine()} on, a congested sample (a drop, or
 * a latency above {@value #RTT_TOLERANCE} × Gradient2's long-run average) is not fed when its
 * permit was granted before the limit last fell; samples of permits granted after that cut are fed
 * as usual, so sustained congestion keeps cutting, about once per round trip. The rule stays off
 * without engine steering: measured there, it removed the collapse but also the cuts that keep
 * Gradient2 from drifting above the cliff (its reference is a long-run average of the latency it
 * produces), and goodput fell; the engine's cap is what bounds that drift.
 *
 * <p><b>A first-token target</b> ({@code AdaptiveConcurrency.withFirstTokenTarget}) replaces
 * Gradient2 with concurrency-limits' {@link AIMDLimit} behind a {@link WindowedLimit}, started by a
 * {@link SlowStartLimit} that doubles the limit until the first congested window (see {@link
 * #slowStart}). The target is absolute, so nothing drifts. A stream's time to first token is fed
 * when it arrives ({@link #onFirstToken}), so a sample is at most one time to first token old. The
 * slow start is paced: while it lasts, an uncongested sample whose permit was granted before the
 * limit last rose is not fed, since it says nothing about the raised limit; otherwise windows of
 * samples from before a doubling would double it again before any request admitted under the
 * doubled limit has reported, and the limit would overshoot the engine many times over. The
 * one-cut-per-round-trip rule stays off here (unless engine steering is on too): a late first
 * token, the congestion signal, comes by construction from a permit granted long before, which the
 * rule would discard; measured with it on, the limit settled near 80 against a best fixed 64 and
 * goodput was 0.83x-0.89x of the best fixed limit's, with it off 0.90x-1.00x (issue 6, benchmark
 * 3). Thread-safe.
 */
public final class AdaptiveAdmission extends QueuedAdmission {
  private static final double HOLD_SMOOTHING = 0.2;

  /** Gradient2's default tolerance, set explicitly because the stale-sample rule depends on it. */
  static final double RTT_TOLERANCE = 1.5;

  /** The window of {@link #windowed}: its 99th percentile is compared with the target. */
  static final double TARGET_PERCENTILE = 0.99;

  private final Limit algorithm;
  private final Gradient2Limit gradient; // null when steering to a target
  private final SlowStartLimit slowStart; // null without a target
  private final long targetNanos; // 0: no target
  private final int minLimit;
  private final int maxLimit;
  private final double interactiveShare;
  private volatile int limit;
  private volatile int cap;
  private double averageHoldNanos = Double.NaN;
  private double averageLatencyNanos = Double.NaN;
  private long lastCutNanos = Long.MIN_VALUE;
  private long lastRiseNanos = Long.MIN_VALUE;
  private long staleSamples;
  private boolean oneCutPerRoundTrip;

  /**
   * Creates the controller.
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
   * @param maxLimit the highest the limit goes
   * @param interactiveShare the share of the limit batch requests may not use, in {@code [0, 1)}
   * @param targetNanos the first-token objective to steer to (see the class comment), or 0 for
   *     Gradient2
   * @param maxQueued requests that may wait, at least 0
   * @param timer runs deadline expiries
   * @param clock the {@link System#nanoTime()}-compatible clock deadlines are given on
   */
  public AdaptiveAdmission(
      int minLimit,
      int initialLimit,
      int maxLimit,
      double interactiveShare,
      long targetNanos,
      int maxQueued,
      ScheduledExecutorService timer,
      LongSupplier clock) {
    super(maxQueued, timer, clock);
    this.minLimit = minLimit;
    this.maxLimit = maxLimit;
    this.interactiveShare = interactiveShare;
    this.limit = initialLimit;
    this.cap = maxLimit;
    this.targetNanos = targetNanos;
    if (targetNanos > 0) {
      this.gradient = null;
      this.slowStart = slowStart(minLimit, initialLimit, maxLimit, targetNanos);
      this.algorithm = windowed(slowStart);
    } else {
      this.slowStart = null;
      this.gradient =
          Gradient2Limit.newBuilder()
              .minLimit(minLimit)
              .initialLimit(initialLimit)
              .maxConcurrency(maxLimit)
              .rttTolerance(RTT_TOLERANCE)
              .build();
      this.algorithm = gradient;
    }
  }

  /**
   * AIMD on a time-to-first-token objective, after a slow start: until the first congested window
   * (see {@link #windowed}), every window in which at least half the limit was in use doubles it,
   * at most once per round trip (see the class comment); the first congested window halves it. From
   * then on a congested window cuts the limit by 10 % and any other window that used at least half
   * of it raises it by one.
   */
  private static SlowStartLimit slowStart(
      int minLimit, int initialLimit, int maxLimit, long targetNanos) {
    return new SlowStartLimit(
        minLimit,
        initialLimit,
        maxLimit,
        targetNanos,
        start ->
            AIMDLimit.newBuilder()
                .minLimit(minLimit)
                .initialLimit(start)
                .maxLimit(maxLimit)
                .backoffRatio(0.9)
                .timeout(targetNanos, TimeUnit.NANOSECONDS)
                .build());
  }

  /**
   * Windows of at least 10 samples (a window closed with fewer is dropped), closed after twice
   * their shortest sample but within 250 ms to 1 s; a window is congested when its 99th percentile
   * is above the target or it saw a drop.
   */
  private static Limit windowed(Limit delegate) {
    return WindowedLimit.newBuilder()
        .minWindowTime(250, TimeUnit.MILLISECONDS)
        .maxWindowTime(1, TimeUnit.SECONDS)
        .windowSize(10)
        .sampleWindowFactory(PercentileSampleWindowFactory.of(TARGET_PERCENTILE, 1000))
        .build(delegate);
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

  /**
   * With a target, a stream's time to first token is fed as soon as it arrives rather than when the
   * stream ends, seconds later: the limit then reacts one time-to-first-token after a change
   * instead of one whole generation, and a window is not filled first by the requests that were
   * admitted fastest (the slow ones finish last). Gradient2 keeps learning at release: fed at the
   * first token, its limit collapsed in the goodput benchmark (14-52, 0.17x of the best fixed
   * limit's goodput).
   */
  @Override
  void onFirstToken(long latencyNanos, long heldNanos) {
    if (targetNanos == 0) {
      return;
    }
    long now = clock.getAsLong();
    synchronized (this) {
      averageLatencyNanos = smooth(averageLatencyNanos, latencyNanos);
      feed(Outcome.SUCCESS, latencyNanos, inFlight(), now - heldNanos, now);
    }
  }

  @Override
  void onRelease(
      Outcome outcome,
      long latencyNanos,
      int inFlightBefore,
      long holdNanos,
      boolean firstTokenSeen) {
    if (outcome == Outcome.IGNORED) {
      return;
    }
    long now = clock.getAsLong();
    synchronized (this) {
      averageHoldNanos = smooth(averageHoldNanos, holdNanos);
      if (outcome == Outcome.SUCCESS && firstTokenSeen && targetNanos > 0) {
        return; // its latency was fed at the first token
      }
      long sample = latencyNanos;
      if (outcome == Outcome.DROPPED && !Double.isNaN(averageLatencyNanos)) {
        sample = Math.max(latencyNanos, (long) (2 * averageLatencyNanos));
      } else if (outcome == Outcome.SUCCESS) {
        averageLatencyNanos = smooth(averageLatencyNanos, latencyNanos);
      }
      feed(outcome, sample, inFlightBefore, now - holdNanos, now);
    }
  }

  /** Feeds one sample to the algorithm unless a round-trip rule leaves it out. Under the lock. */
  private void feed(Outcome outcome, long sample, int inFlight, long grantedNanos, long now) {
    boolean congested = congested(outcome, sample);
    if (oneCutPerRoundTrip && grantedNanos < lastCutNanos && congested) {
      staleSamples++;
      return;
    }
    if (!congested && grantedNanos < lastRiseNanos && slowStart != null && slowStart.starting()) {
      return; // it says nothing about the doubled limit: one doubling per round trip
    }
    int before = algorithm.getLimit();
    algorithm.onSample(now - sample, sample, inFlight, outcome == Outcome.DROPPED);
    int after = algorithm.getLimit();
    if (after < before) {
      lastCutNanos = now;
    } else if (after > before) {
      lastRiseNanos = now;
    }
    limit = bounded(after);
  }

  /**
   * Turns on the one-cut-per-round-trip rule (see the class comment); engine steering calls this
   * once when it starts.
   */
  public synchronized void steerByEngine() {
    oneCutPerRoundTrip = true;
  }

  /**
   * Whether the algorithm would count this sample as congestion: Gradient2's gradient below 1, or a
   * sample above the target. Called under the lock.
   */
  private boolean congested(Outcome outcome, long sample) {
    if (outcome == Outcome.DROPPED) {
      return true;
    }
    if (gradient == null) {
      return sample > targetNanos;
    }
    long longRtt = gradient.getRttNoLoad(TimeUnit.NANOSECONDS);
    return longRtt > 0 && sample > RTT_TOLERANCE * longRtt;
  }

  /**
   * Congested samples left out because their permit was granted before the limit last fell.
   *
   * @return the count since creation
   */
  public synchronized long staleSamples() {
    return staleSamples;
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
