package dev.pailot.serving.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final Duration MS_1 = Duration.ofMillis(1);

  @Test
  void aStalledServerCountsLatencyFromTheIntendedSendTime() {
    // Request 0 stalls the only slot for 600 ms; every other answer takes 1 ms. A closed-loop
    // generator would wait and report ~1 ms for everything but request 0.
    try (FakeTarget target =
            new FakeTarget(
                i -> i == 0 ? Duration.ofMillis(600) : MS_1,
                i -> FakeTarget.timings(MS_1, MS_1, i == 0 ? Duration.ofMillis(600) : MS_1, 2));
        LoadGenerator load = LoadGenerator.create(target)) {
      RunResult r =
          load.run(
              LoadSpec.builder()
                  .arrivals(ArrivalProcess.gamma(100, 50)) // nearly even: 100 requests in 1 s
                  .duration(Duration.ofSeconds(1))
                  .maxInFlight(1)
                  .build());

      assertThat(r.succeeded()).isEqualTo(r.requests()).isGreaterThan(80);
      // ~60 requests were due while the slot was stalled: their latency includes the wait.
      assertThat(r.endToEnd().orElseThrow().p90()).isGreaterThan(Duration.ofMillis(250));
      assertThat(r.sendLag().orElseThrow().p90()).isGreaterThan(Duration.ofMillis(250));
      assertThat(r.timeToFirstToken().orElseThrow().p90()).isGreaterThan(Duration.ofMillis(250));
      assertThat(r.peakInFlight()).isEqualTo(1);
    }
  }

  @Test
  void goodputCountsOnlyRequestsMeetingEverySloAndSkipsTheWarmup() {
    // index % 4: 0 good, 1 TTFT too slow, 2 TPOT too slow, 3 E2E too slow; index % 10 == 9 fails.
    Duration ok = Duration.ofMillis(10);
    Duration slow = Duration.ofSeconds(5);
    try (FakeTarget target =
            new FakeTarget(
                i -> Duration.ZERO,
                i ->
                    i % 10 == 9
                        ? null
                        : FakeTarget.timings(
                            i % 4 == 1 ? slow : ok,
                            i % 4 == 2 ? Duration.ofMillis(500) : ok,
                            i % 4 == 3 ? Duration.ofSeconds(20) : Duration.ofSeconds(1),
                            100));
        LoadGenerator load = LoadGenerator.create(target)) {
      LoadSpec spec =
          LoadSpec.builder()
              .arrivals(ArrivalProcess.poisson(400))
              .warmup(Duration.ofMillis(250))
              .duration(Duration.ofMillis(750))
              .slo(
                  Slo.builder()
                      .timeToFirstToken(Duration.ofSeconds(1))
                      .timePerOutputToken(Duration.ofMillis(100))
                      .endToEnd(Duration.ofSeconds(10))
                      .build())
              .build();
      long[] times = spec.arrivals().sendTimes(Duration.ofSeconds(1), spec.seed());
      int expectedGood = 0;
      int expectedFailed = 0;
      int warm = 0;
      for (int i = 0; i < times.length; i++) {
        if (times[i] < Duration.ofMillis(250).toNanos()) {
          warm++;
        } else if (i % 10 == 9) {
          expectedFailed++;
        } else if (i % 4 == 0) {
          expectedGood++;
        }
      }

      RunResult r = load.run(spec);

      assertThat(r.warmupRequests()).isEqualTo(warm).isPositive();
      assertThat(r.requests()).isEqualTo(times.length - warm);
      assertThat(r.failed()).isEqualTo(expectedFailed);
      assertThat(r.errors()).containsEntry("IllegalStateException", expectedFailed);
      assertThat(r.good()).isEqualTo(expectedGood);
      assertThat(r.goodShare()).isEqualTo((double) expectedGood / r.requests());
      assertThat(r.goodput() * r.elapsed().toNanos() / 1e9).isCloseTo(expectedGood, within(1e-6));
    }
  }

  @Test
  void requestsStillRunningAfterTheDrainTimeoutAreCancelledAndCountedAsFailed() {
    try (FakeTarget target =
            new FakeTarget(
                i -> i % 2 == 0 ? Duration.ofMinutes(5) : MS_1,
                i -> FakeTarget.timings(MS_1, MS_1, MS_1, 2));
        LoadGenerator load = LoadGenerator.create(target)) {
      RunResult r =
          load.run(
              LoadSpec.builder()
                  .arrivals(ArrivalProcess.poisson(50))
                  .duration(Duration.ofMillis(400))
                  .drainTimeout(Duration.ofMillis(200))
                  .build());

      assertThat(r.errors()).containsOnlyKeys("DrainTimeout");
      assertThat(r.failed()).isEqualTo((r.requests() + 1) / 2);
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.api.Assertions.within(d);
  }
}
