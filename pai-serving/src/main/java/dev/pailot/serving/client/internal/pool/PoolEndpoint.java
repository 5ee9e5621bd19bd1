package dev.pailot.serving.client.internal.pool;

import dev.failsafe.CircuitBreaker;
import dev.pailot.serving.client.EndpointStatus;
import dev.pailot.serving.client.FailoverOptions;
import dev.pailot.serving.client.internal.AccessToken;
import dev.pailot.serving.client.internal.EndpointAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One endpoint of the pool and its passive health: requests in flight, a moving average of its
 * congestion latency, outlier ejection and a Failsafe {@link CircuitBreaker}, used standalone
 * (permits acquired when an attempt is sent, outcomes recorded when it ends). Thread-safe.
 */
public final class PoolEndpoint {
  private static final double SMOOTHING = 0.2;

  private final EndpointAddress address;
  private final AccessToken token;
  private final int weight;
  private final String zone;
  private final FailoverOptions options;
  private final CircuitBreaker<Object> breaker;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder faults = new LongAdder();
  private final Ejection ejection = new Ejection(); // guarded by this
  private double latencyAverage = Double.NaN; // guarded by this
  private volatile boolean probeHealthy = true;

  /**
   * Creates the endpoint.
   *
   * @param address where it is
   * @param token its token, or {@code null}
   * @param weight its weight, at least 1
   * @param zone its zone, or {@code null}
   * @param options the pool's options (circuit breaker settings)
   */
  public PoolEndpoint(
      EndpointAddress address,
      AccessToken token,
      int weight,
      String zone,
      FailoverOptions options) {
    this.address = address;
    this.token = token;
    this.weight = weight;
    this.zone = zone;
    this.options = options;
    this.breaker =
        CircuitBreaker.builder()
            .withFailureThreshold(options.breakerFailures(), options.breakerWindow())
            .withDelay(options.breakerDelay())
            .withSuccessThreshold(options.breakerSuccesses())
            .build();
  }

  /**
   * Where it is.
   *
   * @return the address
   */
  public EndpointAddress address() {
    return address;
  }

  /**
   * Its token, or {@code null} for none.
   *
   * @return the token
   */
  public AccessToken token() {
    return token;
  }

  String zone() {
    return zone;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Load per unit of weight, the choice's main criterion. */
  double load() {
    return (inFlight.get() + 1.0) / weight;
  }

  boolean probeHealthy() {
    return probeHealthy;
  }

  void probed(boolean healthy) {
    probeHealthy = healthy;
  }

  /** Whether it is neither ejected nor open-circuited (a peek: no permit is taken). */
  synchronized boolean admits(long now) {
    return !ejection.ejected(now) && !breakerOpen();
  }

  /** Whether it asked for time ({@code Retry-After}) that has not passed yet. */
  synchronized boolean backingOff(long now) {
    return ejection.backingOff(now);
  }

  synchronized boolean ejected(long now) {
    return ejection.ejected(now);
  }

  /** Nanoseconds until it may take traffic again, ignoring its breaker's trial capacity. */
  synchronized long remaining(long now) {
    long left = ejection.remaining(now);
    if (breakerOpen()) {
      left = Math.max(left, breaker.getRemainingDelay().toNanos());
    }
    return left;
  }

  private boolean breakerOpen() {
    return breaker.isOpen() && breaker.getRemainingDelay().toNanos() > 0;
  }

  /** Takes a breaker permit and counts the attempt in flight; false if the breaker refuses. */
  boolean acquire() {
    if (!breaker.tryAcquirePermit()) {
      return false;
    }
    inFlight.incrementAndGet();
    attempts.increment();
    return true;
  }

  /**
   * Ends an attempt: records its outcome with the breaker, the latency average and the ejection
   * state.
   *
   * @return whether the fault just reached the ejection threshold
   */
  boolean release(AttemptResult result, long latencyNanos, Duration retryAfter, long now) {
    inFlight.decrementAndGet();
    switch (result) {
      case FAULT -> {
        faults.increment();
        breaker.recordFailure();
      }
      case CANCELLED -> {
        // Nothing was learnt, but a half-open breaker's trial permit must come back: Failsafe
        // has no way to return one unused, and leaking them all would keep it half-open forever.
        if (breaker.isHalfOpen()) {
          breaker.recordFailure();
        }
      }
      default -> breaker.recordSuccess();
    }
    synchronized (this) {
      if (retryAfter != null && !retryAfter.isZero()) {
        ejection.backOff(now + retryAfter.toNanos());
      }
      if (result == AttemptResult.SUCCESS) {
        latencyAverage =
            Double.isNaN(latencyAverage)
                ? latencyNanos
                : latencyAverage * (1 - SMOOTHING) + latencyNanos * SMOOTHING;
      }
      if (result == AttemptResult.FAULT) {
        return ejection.fault(options);
      }
      if (result == AttemptResult.SUCCESS || result == AttemptResult.NEUTRAL) {
        ejection.success();
      }
      return false;
    }
  }

  synchronized void eject(long now) {
    ejection.eject(options, now);
  }

  synchronized EndpointStatus status(long now) {
    EndpointStatus.State state;
    long left = ejection.remaining(now);
    if (ejection.ejected(now)) {
      state = EndpointStatus.State.EJECTED;
    } else if (breakerOpen()) {
      state = EndpointStatus.State.CIRCUIT_OPEN;
      left = breaker.getRemainingDelay().toNanos();
    } else if (breaker.isHalfOpen() || breaker.isOpen()) {
      state = EndpointStatus.State.CIRCUIT_HALF_OPEN;
    } else if (ejection.backingOff(now)) {
      state = EndpointStatus.State.BACKING_OFF;
    } else if (!probeHealthy) {
      state = EndpointStatus.State.UNHEALTHY;
    } else {
      state = EndpointStatus.State.AVAILABLE;
    }
    EndpointStatus.Builder b =
        EndpointStatus.builder()
            .url(address.display())
            .state(state)
            .inFlight(inFlight.get())
            .attempts(attempts.sum())
            .faults(faults.sum())
            .ejections(ejection.total());
    if (left > 0) {
      b.ejectedFor(Duration.ofNanos(left));
    }
    if (!Double.isNaN(latencyAverage)) {
      b.latencyAverage(Duration.ofNanos((long) latencyAverage));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return address.display();
  }
}
