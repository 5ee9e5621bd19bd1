package dev.pailot.serving.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTest {
  private static final Duration MS_1 = Duration.ofMillis(1);

  @Test
  void concurrencySweepRunsOneFreshTargetPerLimitAndClosesIt() {
    List<Integer> seen = new ArrayList<>();
    AtomicInteger closed = new AtomicInteger();
    LoadSpec spec =
        LoadSpec.builder()
            .arrivals(ArrivalProcess.poisson(200))
            .duration(Duration.ofMillis(300))
            .slo(Slo.builder().timeToFirstToken(Duration.ofMillis(100)).build())
            .build();

    LoadReport report =
        LoadGenerator.sweepConcurrency(
            "sweep",
            spec,
            List.of(1, 4, 16),
            limit -> {
              seen.add(limit);
              // A "server" whose TTFT is good only from limit 4 on.
              Duration ttft = limit < 4 ? Duration.ofSeconds(2) : MS_1;
              FakeTarget target =
                  new FakeTarget(i -> MS_1, i -> FakeTarget.timings(ttft, MS_1, ttft, 2));
              return target.closing(closed::incrementAndGet);
            });

    assertThat(seen).containsExactly(1, 4, 16);
    assertThat(closed).hasValue(3);
    assertThat(report.sweepVariable()).isEqualTo("client concurrency limit");
    assertThat(report.runs()).extracting(RunResult::sweepValue).containsExactly(1.0, 4.0, 16.0);
    assertThat(report.runs())
        .extracting(RunResult::label)
        .containsExactly("limit 1", "limit 4", "limit 16");
    assertThat(report.runs().get(0).good()).isZero();
    assertThat(report.runs().get(1).good()).isEqualTo(report.runs().get(1).requests());
    assertThat(report.knee()).map(RunResult::sweepValue).contains(4.0);
  }

  @Test
  void rateSweepReRatesTheArrivalsAndKeepsTheRest() {
    try (FakeTarget target =
            new FakeTarget(i -> MS_1, i -> FakeTarget.timings(MS_1, MS_1, MS_1, 2));
        LoadGenerator load = LoadGenerator.create(target)) {
      LoadSpec spec =
          LoadSpec.builder()
              .arrivals(ArrivalProcess.gamma(1, 4))
              .duration(Duration.ofMillis(500))
              .build();

      LoadReport report = load.sweepRates("rates", spec, List.of(20.0, 80.0));

      assertThat(report.runs()).extracting(RunResult::sweepValue).containsExactly(20.0, 80.0);
      assertThat(report.runs())
          .extracting(RunResult::label)
          .containsExactly("20.00 req/s", "80.00 req/s");
      // Exactly the schedule each rate's seeded arrivals produce.
      for (RunResult r : report.runs()) {
        long[] times =
            ArrivalProcess.gamma(r.sweepValue(), 4).sendTimes(Duration.ofMillis(500), 42);
        assertThat(r.requests()).isEqualTo(times.length);
        assertThat(r.failed()).isZero();
      }
    }
  }
}
