package dev.pailot.serving.client.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow start: doubling on every uncongested sample that used at least half the limit, halving on
 * the first congested one and handing over to AIMD from there.
 */
class SlowStartLimitTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long TARGET = 500 * MS;

  private final List<Integer> handedOver = new ArrayList<>();

  private SlowStartLimit limit(int min, int initial, int max) {
    return new SlowStartLimit(
        min,
        initial,
        max,
        TARGET,
        start -> {
          handedOver.add(start);
          return AIMDLimit.newBuilder()
              .minLimit(min)
              .initialLimit(start)
              .maxLimit(max)
              .backoffRatio(0.9)
              .timeout(TARGET, TimeUnit.NANOSECONDS)
              .build();
        });
  }

  private static void sample(SlowStartLimit limit, long rttNanos, int inFlight, boolean drop) {
    limit.onSample(0, rttNanos, inFlight, drop);
  }

  @Test
  void doublesUntilTheFirstCongestedSampleThenHalvesAndAddsOne() {
    SlowStartLimit limit = limit(4, 32, 1024);
    sample(limit, 100 * MS, 32, false);
    assertThat(limit.getLimit()).isEqualTo(64);
    sample(limit, 100 * MS, 64, false);
    assertThat(limit.getLimit()).isEqualTo(128);
    assertThat(limit.starting()).isTrue();

    sample(limit, 900 * MS, 128, false);
    assertThat(limit.getLimit()).isEqualTo(64);
    assertThat(limit.starting()).isFalse();
    assertThat(handedOver).containsExactly(64);

    sample(limit, 100 * MS, 64, false); // congestion avoidance: plus one, not doubled
    assertThat(limit.getLimit()).isEqualTo(65);
    sample(limit, 900 * MS, 65, false); // and cut by 10 %
    assertThat(limit.getLimit()).isEqualTo(58);
  }

  @Test
  void aDropEndsTheStartLikeALatencyOverTheTimeout() {
    SlowStartLimit limit = limit(4, 32, 1024);
    sample(limit, 100 * MS, 32, true);
    assertThat(limit.getLimit()).isEqualTo(16);
    assertThat(limit.starting()).isFalse();
  }

  @Test
  void anUnusedLimitDoesNotGrow() {
    SlowStartLimit limit = limit(4, 32, 1024);
    sample(limit, 100 * MS, 15, false);
    assertThat(limit.getLimit()).isEqualTo(32);
    assertThat(limit.starting()).isTrue();
  }

  @Test
  void staysWithinMinAndMax() {
    SlowStartLimit limit = limit(20, 32, 100);
    sample(limit, 100 * MS, 32, false);
    sample(limit, 100 * MS, 64, false);
    assertThat(limit.getLimit()).isEqualTo(100);
    sample(limit, 100 * MS, 100, false);
    assertThat(limit.getLimit()).isEqualTo(100);

    SlowStartLimit low = limit(20, 32, 100);
    sample(low, 900 * MS, 32, false);
    assertThat(low.getLimit()).isEqualTo(20);
  }
}
