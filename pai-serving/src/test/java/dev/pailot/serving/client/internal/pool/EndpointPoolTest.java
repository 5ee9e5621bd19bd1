package dev.pailot.serving.client.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.EndpointStatus;
import dev.pailot.serving.client.FailoverOptions;
import dev.pailot.serving.client.internal.EndpointAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pool's choice and ejection on a fake clock: least load per weight, zone preference, untried
 * endpoints first, growing ejection times, the ejection cap, and Retry-After back-off.
 */
class EndpointPoolTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private static PoolEndpoint member(String name, int weight, String zone, FailoverOptions o) {
    return new PoolEndpoint(
        EndpointAddress.parse("http://" + name + ".example/api/predict/m"), null, weight, zone, o);
  }

  private EndpointPool pool(FailoverOptions o, PoolEndpoint... members) {
    return new EndpointPool(List.of(members), o, clock::get);
  }

  @Test
  void choosesTheLeastLoadedPerUnitOfWeight() {
    FailoverOptions o = FailoverOptions.defaults();
    PoolEndpoint heavy = member("heavy", 3, null, o);
    PoolEndpoint light = member("light", 1, null, o);
    EndpointPool pool = pool(o, heavy, light);
    List<PoolEndpoint> chosen = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      chosen.add(pool.choose(List.of()));
    }
    // Held in flight: load per weight stays balanced, so the weight-3 endpoint takes 6 of 8.
    assertThat(chosen.stream().filter(e -> e == heavy)).hasSize(6);
    assertThat(heavy.inFlight()).isEqualTo(6);
    assertThat(light.inFlight()).isEqualTo(2);
  }

  @Test
  void prefersItsZoneAndUntriedEndpoints() {
    FailoverOptions o = FailoverOptions.builder().preferredZone("sh").build();
    PoolEndpoint near = member("near", 1, "sh", o);
    PoolEndpoint far = member("far", 1000, "hz", o);
    EndpointPool pool = pool(o, near, far);

    assertThat(pool.choose(List.of())).isSameAs(near);
    // A retry after the near one failed goes to the far one.
    assertThat(pool.choose(List.of(near))).isSameAs(far);
  }

  @Test
  void ejectionGrowsAndNeverTakesTheLastEndpoint() {
    FailoverOptions o =
        FailoverOptions.builder()
            .consecutiveFailures(2)
            .baseEjectionTime(Duration.ofMillis(100))
            .maxEjectionPercent(100)
            .build();
    PoolEndpoint a = member("a", 1, null, o);
    PoolEndpoint b = member("b", 1, null, o);
    EndpointPool pool = pool(o, a, b);

    fault(pool, a, 2);
    assertThat(a.status(clock.get()).state()).isEqualTo(EndpointStatus.State.EJECTED);
    fault(pool, b, 2);
    // b may not be ejected too: the pool would be empty.
    assertThat(b.status(clock.get()).state()).isNotEqualTo(EndpointStatus.State.EJECTED);

    clock.addAndGet(100 * MS);
    assertThat(a.status(clock.get()).state()).isEqualTo(EndpointStatus.State.AVAILABLE);
    fault(pool, a, 2);
    assertThat(a.status(clock.get()).ejectedFor()).contains(Duration.ofMillis(200));
  }

  @Test
  void retryAfterMakesAnEndpointBackOffWithoutRemovingIt() {
    FailoverOptions o = FailoverOptions.defaults();
    PoolEndpoint busy = member("busy", 1000, null, o);
    PoolEndpoint idle = member("idle", 1, null, o);
    EndpointPool pool = pool(o, busy, idle);

    PoolEndpoint first = pool.choose(List.of());
    assertThat(first).isSameAs(busy);
    pool.release(busy, AttemptResult.THROTTLED, 0, Duration.ofMillis(500));

    assertThat(busy.status(clock.get()).state()).isEqualTo(EndpointStatus.State.BACKING_OFF);
    assertThat(pool.choose(List.of())).isSameAs(idle);
    assertThat(pool.anyUsable()).isTrue();
    clock.addAndGet(500 * MS);
    assertThat(pool.choose(List.of())).isSameAs(busy);
  }

  @Test
  void aSingleEndpointBackingOffStillTakesTrafficButTheWaitIsKnown() {
    FailoverOptions o = FailoverOptions.defaults();
    PoolEndpoint only = member("only", 1, null, o);
    EndpointPool pool = pool(o, only);
    pool.release(pool.choose(List.of()), AttemptResult.THROTTLED, 0, Duration.ofMillis(300));

    assertThat(pool.anyUsable()).isFalse();
    assertThat(pool.untilUsable()).isEqualTo(Duration.ofMillis(300));
    assertThat(pool.choose(List.of())).isSameAs(only);
  }

  private static void fault(EndpointPool pool, PoolEndpoint e, int times) {
    for (int i = 0; i < times; i++) {
      PoolEndpoint chosen = e;
      chosen.acquire();
      pool.release(chosen, AttemptResult.FAULT, 0, null);
    }
  }
}
