package dev.pailot.serving.client.internal.pool;

import dev.pailot.serving.client.EndpointStatus;
import dev.pailot.serving.client.FailoverOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The client's endpoints and the choice among them. An endpoint is usable when it is not ejected
 * and its circuit breaker is not open. Among usable endpoints, each of these narrows the choice, in
 * this order, when some endpoint meets it (and is skipped when none does, so that, for instance, a
 * broken health check cannot stop all traffic): it passed its last active health check; it is not
 * backing off after a {@code Retry-After}; the request has not tried it yet; it is in the preferred
 * zone. Then two are picked at random and the one with fewer requests in flight per unit of weight
 * wins, a tie going to either (power of two choices). Thread-safe.
 */
public final class EndpointPool {
  private final List<PoolEndpoint> endpoints;
  private final FailoverOptions options;
  private final LongSupplier clock;
  private final Map<PoolEndpoint, PoolMeters> meters = new IdentityHashMap<>();

  /**
   * Creates the pool.
   *
   * @param endpoints the endpoints, at least one
   * @param options health and failover options
   * @param clock a {@link System#nanoTime()}-compatible clock
   */
  public EndpointPool(List<PoolEndpoint> endpoints, FailoverOptions options, LongSupplier clock) {
    this.endpoints = List.copyOf(endpoints);
    this.options = options;
    this.clock = clock;
  }

  /**
   * Records per-endpoint counters ({@link PoolMeters}) in {@code registry} from now on.
   *
   * @param registry where the counters go
   * @param serviceName the {@code service_name} tag
   * @return this pool
   */
  public EndpointPool meters(MeterRegistry registry, String serviceName) {
    for (PoolEndpoint e : endpoints) {
      meters.put(e, new PoolMeters(registry, serviceName, e.address().display()));
    }
    return this;
  }

  /**
   * The endpoints, in configuration order.
   *
   * @return the endpoints
   */
  public List<PoolEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * Chooses an endpoint for an attempt and takes its breaker permit; release it with {@link
   * #release}.
   *
   * @param tried endpoints this request already tried (avoided while others are usable)
   * @return the endpoint, or {@code null} when none is usable now
   */
  public PoolEndpoint choose(Collection<PoolEndpoint> tried) {
    long now = clock.getAsLong();
    List<PoolEndpoint> usable = filter(endpoints, e -> e.admits(now));
    usable = preferred(usable, PoolEndpoint::probeHealthy);
    usable = preferred(usable, e -> !e.backingOff(now));
    // Untried before zone: a retry after a failure in the preferred zone fails over to another.
    usable = preferred(usable, e -> !tried.contains(e));
    if (options.preferredZone().isPresent()) {
      String zone = options.preferredZone().get();
      usable = preferred(usable, e -> zone.equals(e.zone()));
    }
    List<PoolEndpoint> left = new ArrayList<>(usable);
    while (!left.isEmpty()) {
      PoolEndpoint pick = twoChoices(left);
      if (pick.acquire()) {
        return pick;
      }
      // A half-open breaker with no trial permit left: try the others.
      left.remove(pick);
    }
    return null;
  }

  private static PoolEndpoint twoChoices(List<PoolEndpoint> from) {
    if (from.size() == 1) {
      return from.get(0);
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int i = random.nextInt(from.size());
    int j = random.nextInt(from.size() - 1);
    if (j >= i) {
      j++;
    }
    PoolEndpoint a = from.get(i);
    PoolEndpoint b = from.get(j);
    int byLoad = Double.compare(a.load(), b.load());
    if (byLoad != 0) {
      return byLoad < 0 ? a : b;
    }
    // A tie goes to the first, random, pick. Not to the lower latency average: at light load equal
    // in-flight counts are the rule, and an endpoint that once looked slower would then get few
    // requests, too few to correct its average.
    return a;
  }

  /**
   * Ends an attempt on an endpoint, and ejects the endpoint when its faults in a row reached the
   * threshold and the pool may lose it.
   *
   * @param endpoint the endpoint {@link #choose} returned
   * @param result what the attempt says about it
   * @param latencyNanos its congestion latency (time to first token, or to the answer)
   * @param retryAfter the endpoint's {@code Retry-After} hint, already capped, or {@code null}
   */
  public void release(
      PoolEndpoint endpoint, AttemptResult result, long latencyNanos, Duration retryAfter) {
    long now = clock.getAsLong();
    PoolMeters m = meters.get(endpoint);
    if (m != null) {
      m.attempt(result);
    }
    if (endpoint.release(result, latencyNanos, retryAfter, now)) {
      synchronized (this) {
        if (ejectedCount(now) < maxEjected()) {
          endpoint.eject(now);
          if (m != null) {
            m.ejected();
          }
        }
      }
    }
  }

  private int maxEjected() {
    int n = endpoints.size();
    if (n < 2 || options.maxEjectionPercent() == 0) {
      return 0;
    }
    return Math.min(n - 1, Math.max(1, n * options.maxEjectionPercent() / 100));
  }

  private int ejectedCount(long now) {
    int n = 0;
    for (PoolEndpoint e : endpoints) {
      if (e.ejected(now)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether any endpoint could take an attempt now without being asked to wait ({@code
   * Retry-After}).
   *
   * @return whether one is usable
   */
  public boolean anyUsable() {
    long now = clock.getAsLong();
    for (PoolEndpoint e : endpoints) {
      if (e.admits(now) && !e.backingOff(now)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Time until the first endpoint takes traffic again (zero if one does now).
   *
   * @return the wait
   */
  public Duration untilUsable() {
    long now = clock.getAsLong();
    long best = Long.MAX_VALUE;
    for (PoolEndpoint e : endpoints) {
      best = Math.min(best, e.remaining(now));
    }
    return Duration.ofNanos(best == Long.MAX_VALUE ? 0 : best);
  }

  /**
   * Why no endpoint is usable, for the error message.
   *
   * @return e.g. "2 endpoints: 1 ejected, 1 with an open circuit breaker"
   */
  public String whyNoneUsable() {
    long now = clock.getAsLong();
    int ejected = 0;
    int open = 0;
    int backingOff = 0;
    for (PoolEndpoint e : endpoints) {
      switch (e.status(now).state()) {
        case EJECTED -> ejected++;
        case CIRCUIT_OPEN, CIRCUIT_HALF_OPEN -> open++;
        case BACKING_OFF -> backingOff++;
        default -> {}
      }
    }
    return endpoints.size()
        + " endpoint(s): "
        + ejected
        + " ejected, "
        + open
        + " with an open or saturated circuit breaker, "
        + backingOff
        + " backing off after Retry-After";
  }

  /**
   * A snapshot of every endpoint.
   *
   * @return the statuses, in configuration order
   */
  public List<EndpointStatus> status() {
    long now = clock.getAsLong();
    List<EndpointStatus> out = new ArrayList<>();
    for (PoolEndpoint e : endpoints) {
      out.add(e.status(now));
    }
    return out;
  }

  private static List<PoolEndpoint> filter(List<PoolEndpoint> from, Predicate<PoolEndpoint> p) {
    List<PoolEndpoint> out = new ArrayList<>(from.size());
    for (PoolEndpoint e : from) {
      if (p.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The members matching {@code p} if there are any, else all. */
  private static List<PoolEndpoint> preferred(List<PoolEndpoint> from, Predicate<PoolEndpoint> p) {
    List<PoolEndpoint> matching = filter(from, p);
    return matching.isEmpty() ? from : matching;
  }
}
