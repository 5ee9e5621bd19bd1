package dev.pailot.serving.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MeterWindowTest {
  private static Timer timer(MeterRegistry r, String service, String outcome) {
    // The same shape as the inference client's timer.
    return Timer.builder(MeterWindow.REQUEST_DURATION)
        .tag("service_name", service)
        .tag("operation", "chat")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(r);
  }

  @Test
  void windowCountsOnlyWhatHappenedInsideIt() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer ok = timer(r, "grp", "success");
    Timer error = timer(r, "grp", "error");
    Timer cancelled = timer(r, "grp", "cancelled");
    Timer other = timer(r, "other", "error");
    for (int i = 0; i < 100; i++) {
      ok.record(Duration.ofMillis(900)); // before the window: slow
    }
    MeterWindow.Reading start = MeterWindow.read(r, "grp");
    for (int i = 0; i < 990; i++) {
      ok.record(Duration.ofMillis(10 + i % 20));
    }
    for (int i = 0; i < 10; i++) {
      ok.record(Duration.ofMillis(400));
    }
    for (int i = 0; i < 20; i++) {
      error.record(Duration.ofMillis(5));
    }
    cancelled.record(Duration.ofMillis(5));
    other.record(Duration.ofMillis(5));
    MeterWindow.Stats s = MeterWindow.between(start, MeterWindow.read(r, "grp"));

    assertThat(s.requests()).isEqualTo(1020);
    assertThat(s.failed()).isEqualTo(20);
    assertThat(s.errorRate()).isCloseTo(20 / 1020.0, within(1e-9));
    // 1% of 1000 successes took 400 ms, none of the window's took 900 ms: p99 sits below 0.4 s
    // and well above the 10-30 ms of the rest.
    assertThat(s.p99Seconds()).hasValueSatisfying(p -> assertThat(p).isBetween(0.025, 0.45));
    assertThat(s.note()).contains("no ttft observations");
  }

  @Test
  void aSlowShareMovesP99() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer ok = timer(r, "grp", "success");
    MeterWindow.Reading start = MeterWindow.read(r, "grp");
    for (int i = 0; i < 900; i++) {
      ok.record(Duration.ofMillis(20));
    }
    for (int i = 0; i < 100; i++) {
      ok.record(Duration.ofMillis(800)); // 10% of traffic on a slow green
    }
    MeterWindow.Stats s = MeterWindow.between(start, MeterWindow.read(r, "grp"));
    assertThat(s.p99Seconds()).hasValueSatisfying(p -> assertThat(p).isBetween(0.6, 1.0));
  }

  @Test
  void quantileInterpolatesInsideTheBucketAsPrometheusDoes() {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    buckets.put(0.1, 50L);
    buckets.put(0.2, 100L);
    assertThat(Quantiles.fromCumulative(0.75, buckets, 100)).isCloseTo(0.15, within(1e-9));
    assertThat(Quantiles.fromCumulative(0.5, buckets, 100)).isCloseTo(0.1, within(1e-9));
    // Beyond the last bucket: its bound, as histogram_quantile answers.
    assertThat(Quantiles.fromCumulative(0.99, buckets, 200)).isEqualTo(0.2);
  }

  @Test
  void noTrafficIsNotMeasurable() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    timer(r, "grp", "success");
    MeterWindow.Reading start = MeterWindow.read(r, "grp");
    MeterWindow.Stats s = MeterWindow.between(start, MeterWindow.read(r, "grp"));
    assertThat(s.requests()).isZero();
    assertThat(s.errorRate()).isZero();
    assertThat(s.p99Seconds()).isEmpty();
  }

  @Test
  void bucketsThatRolledOverMakeTheWindowNotMeasurable() {
    MockClock clock = new MockClock();
    SimpleMeterRegistry r = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    Timer ok = timer(r, "grp", "success");
    for (int i = 0; i < 100; i++) {
      ok.record(Duration.ofMillis(20));
    }
    MeterWindow.Reading start = MeterWindow.read(r, "grp");
    clock.add(Duration.ofMinutes(3)); // past the rolling histogram's expiry
    for (int i = 0; i < 50; i++) {
      ok.record(Duration.ofMillis(20));
    }
    MeterWindow.Stats s = MeterWindow.between(start, MeterWindow.read(r, "grp"));

    assertThat(s.requests()).isEqualTo(50); // the count is cumulative, the buckets are not
    assertThat(s.p99Seconds()).isEmpty();
    assertThat(s.note()).contains("latency histogram").contains("rolled over");
  }
}
