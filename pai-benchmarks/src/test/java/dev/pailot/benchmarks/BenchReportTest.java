package dev.pailot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void tableAndVerdictsRenderAsTextAndJson() throws Exception {
    BenchReport report =
        new BenchReport("t", "Title", List.of("client", "tokens/s"))
            .note("setup", "two clients")
            .row("ours", 1234.5)
            .row("raw", 12.345)
            .verdict("ours >= 0.9x raw", "100x", true)
            .verdict("p99 no worse", "2 vs 1 ms", false);

    String text = report.text();
    assertThat(text)
        .contains("Title", "setup: two clients", "load average at start", "1,235", "12.35");
    assertThat(text).contains("PASS  ours >= 0.9x raw: 100x", "FAIL  p99 no worse: 2 vs 1 ms");
    assertThat(report.passed()).isFalse();

    JsonNode json = new ObjectMapper().readTree(report.json());
    assertThat(json.path("rows").get(0).path("client").asText()).isEqualTo("ours");
    assertThat(json.path("rows").get(1).path("tokens/s").asDouble()).isEqualTo(12.345);
    assertThat(json.path("verdicts")).hasSize(2);
    assertThat(json.path("pass").asBoolean()).isFalse();
    assertThatThrownBy(() -> report.row("only one cell"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closedLoopCountsCallsUnitsAndFailures() throws Exception {
    AtomicInteger n = new AtomicInteger();
    ClosedLoop.Result r =
        ClosedLoop.run(
            2,
            0.2,
            () -> {
              if (n.incrementAndGet() % 5 == 0) {
                throw new IllegalStateException("every fifth");
              }
              Thread.sleep(1);
              return 3;
            });

    assertThat(r.calls()).isPositive();
    assertThat(r.units()).isEqualTo(3 * r.calls());
    assertThat(r.calls() + r.failures()).isEqualTo(n.get());
    assertThat(r.failures()).isEqualTo(n.get() / 5);
    assertThat(r.firstError()).contains("every fifth");
    assertThat(r.latencies().getIntervalHistogram().getTotalCount()).isEqualTo(r.calls());
  }
}
