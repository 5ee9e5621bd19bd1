package dev.pailot.serving.release.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.InferenceClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client-metrics gate on recorded meters shaped like the inference client's. */
class ClientMetricsGateTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final InferenceClient unused =
      InferenceClient.builder().endpoint("http://127.0.0.1:9/api/predict/x").build();

  @AfterEach
  void close() {
    unused.close();
  }

  private static Timer timer(MeterRegistry r, String service, String outcome) {
    return Timer.builder("inference.request.duration")
        .tag("service_name", service)
        .tag("operation", "chat")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(r);
  }

  private GateContext stage(int percent) {
    return GateContext.builder()
        .group("chat")
        .blue("v1")
        .green("v2")
        .stagePercent(percent)
        .windowStart(Instant.now())
        .bake(Duration.ofMinutes(1))
        .greenClient(unused)
        .blueClient(unused)
        .build();
  }

  private static void record(Timer t, int n, long millis) {
    for (int i = 0; i < n; i++) {
      t.record(Duration.ofMillis(millis));
    }
  }

  @Test
  void theStageIsJudgedAgainstThePreTrafficBaselineAndAbsoluteLimits() {
    Timer ok = timer(registry, "chat", "success");
    Timer error = timer(registry, "chat", "error");
    ClientMetricsGate gate =
        ClientMetricsGate.builder()
            .registry(registry)
            .serviceName("chat")
            .maxErrorRate(0.02)
            .maxP99Ratio(2.0)
            .build();

    gate.stageStarted(stage(0));
    record(ok, 200, 20);
    GateResult baseline = gate.evaluate(stage(0));
    assertThat(baseline.passed()).isTrue();
    assertThat(baseline.measurements())
        .extracting(Measurement::name)
        .contains("baseline_p99_seconds");

    gate.stageStarted(stage(10));
    record(ok, 180, 20);
    record(ok, 20, 300); // 10% of the traffic on a slow green
    record(error, 2, 5);
    GateResult slow = gate.evaluate(stage(10));
    assertThat(slow.passed()).isFalse();
    assertThat(slow.message()).contains("p99_ratio_to_baseline");
    assertThat(slow.measurements())
        .filteredOn(m -> m.name().equals("error_rate"))
        .singleElement()
        .satisfies(m -> assertThat(m.ok()).isTrue());

    gate.stageStarted(stage(50));
    record(ok, 200, 20);
    assertThat(gate.evaluate(stage(50)).passed()).isTrue();
  }

  @Test
  void tooFewRequestsOrAnUnmeasurableQuantileFails() {
    Timer ok = timer(registry, "chat", "success");
    ClientMetricsGate gate =
        ClientMetricsGate.builder()
            .registry(registry)
            .serviceName("chat")
            .maxP99(Duration.ofSeconds(1))
            .minRequests(50)
            .build();
    gate.stageStarted(stage(10));
    record(ok, 5, 10);
    GateResult few = gate.evaluate(stage(10));
    assertThat(few.passed()).isFalse();
    assertThat(few.message()).contains("requests=5.000");

    gate.stageStarted(stage(50)); // no traffic at all: no p99
    GateResult none = gate.evaluate(stage(50));
    assertThat(none.passed()).isFalse();
    assertThat(none.measurements())
        .filteredOn(m -> m.name().equals("p99_seconds"))
        .singleElement()
        .satisfies(m -> assertThat(m.note()).contains("no latency observations"));
  }

  @Test
  void aResumedGateWithoutBaselineSaysSoAndJudgesByAbsoluteLimits() {
    Timer ok = timer(registry, "chat", "success");
    ClientMetricsGate gate =
        ClientMetricsGate.builder().registry(registry).serviceName("chat").maxP99Ratio(1.5).build();
    gate.stageStarted(stage(50));
    record(ok, 100, 20);
    GateResult r = gate.evaluate(stage(50));
    assertThat(r.passed()).isTrue();
    assertThat(r.measurements())
        .filteredOn(m -> m.name().equals("p99_ratio_to_baseline"))
        .singleElement()
        .satisfies(m -> assertThat(m.note()).contains("no baseline"));
    assertThatThrownBy(() -> ClientMetricsGate.builder().serviceName("chat").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("registry");
  }
}
