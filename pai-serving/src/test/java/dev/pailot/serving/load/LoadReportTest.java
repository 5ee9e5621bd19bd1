package dev.pailot.serving.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTest {
  static RunResult run(double x, double goodput, long ttftP99Ms) {
    LatencySummary ttft =
        LatencySummary.builder()
            .count(100)
            .mean(Duration.ofMillis(ttftP99Ms / 2))
            .p50(Duration.ofMillis(ttftP99Ms / 3))
            .p90(Duration.ofMillis(ttftP99Ms / 2))
            .p99(Duration.ofMillis(ttftP99Ms))
            .max(Duration.ofMillis(ttftP99Ms * 2))
            .build();
    return RunResult.builder()
        .label("rate " + x)
        .sweepValue(x)
        .offeredRate(x)
        .elapsed(Duration.ofSeconds(10))
        .requests((int) (x * 10))
        .succeeded((int) (x * 10))
        .failed(0)
        .good((int) (goodput * 10))
        .warmupRequests(3)
        .peakInFlight(8)
        .throughput(x)
        .goodput(goodput)
        .outputTokensPerSecond(x * 128)
        .timeToFirstToken(ttft)
        .endToEnd(ttft)
        .sendLag(ttft)
        .build();
  }

  @Test
  void kneeIsTheFirstSweepValueOnTheGoodputPlateau() {
    List<RunResult> runs =
        new ArrayList<>(
            List.of(
                run(5, 10, 50), run(1, 2, 20), run(3, 29, 90), run(4, 30, 400), run(2, 20, 30)));

    LoadReport report = LoadReport.builder().title("t").runs(runs).build();

    assertThat(report.knee()).map(RunResult::sweepValue).contains(3.0); // 29 >= 0.95 * 30
    assertThat(report.toBuilder().kneeTolerance(0.01).build().knee())
        .map(RunResult::sweepValue)
        .contains(4.0);
    assertThat(LoadReport.builder().title("t").addRuns(run(1, 0, 10)).build().knee()).isEmpty();
  }

  @Test
  void jsonTextAndHtmlCarryTheSameRuns(@TempDir Path dir) throws Exception {
    LoadReport report =
        LoadReport.builder()
            .title("Sweep <qwen> & co")
            .runs(List.of(run(1, 1, 20), run(2, 1.95, 80), run(4, 1.2, 3000)))
            .slo(Slo.builder().timeToFirstToken(Duration.ofSeconds(1)).build())
            .notes(Map.of("target", "LocalPai"))
            .build();

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.path("runs")).hasSize(3);
    assertThat(json.path("runs").get(2).path("timeToFirstTokenMs").path("p99").asDouble())
        .isEqualTo(3000.0);
    assertThat(json.path("slo").path("timeToFirstTokenMs").asDouble()).isEqualTo(1000.0);
    assertThat(json.path("knee").path("sweepValue").asDouble()).isEqualTo(2.0);
    assertThat(json.path("notes").path("target").asText()).isEqualTo("LocalPai");

    String text = report.toText();
    assertThat(text)
        .contains("TTFT p99", "rate 2.0 *", "3.00 s", "80.0 ms", "SLO: TTFT <= 1.00 s")
        .contains("knee (*): rate 2.0");

    String html = report.toHtml();
    assertThat(html)
        .contains("Sweep &lt;qwen&gt; &amp; co", "<svg", "<polyline", "class=\"knee\"")
        .doesNotContain("<script", "src=", "href=");
    assertThat(html.split("<svg", -1)).hasSize(3); // two charts
    assertThat(html).contains(">1</text>", ">2</text>", ">4</text>"); // the sweep values as x ticks
    assertThat(html.split("<circle", -1).length - 1).isEqualTo(4 * 3 + 3 * 3);

    List<Path> files = report.writeTo(dir.resolve("out"), "sweep");
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("sweep.json", "sweep.txt", "sweep.html");
  }
}
