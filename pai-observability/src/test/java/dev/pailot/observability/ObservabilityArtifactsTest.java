package dev.pailot.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.observability.testing.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservabilityArtifactsTest {
  @TempDir Path dir;

  @Test
  void writesRulesResourceAndDashboardAndTheRulesPassPromtool() throws Exception {
    List<Path> files = ObservabilityArtifacts.writeTo(dir.resolve("out"));

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            ObservabilityArtifacts.RULES,
            ObservabilityArtifacts.PROMETHEUS_RULE,
            ObservabilityArtifacts.DASHBOARD);
    assertThat(Files.readString(files.get(1))).contains("kind: PrometheusRule");
    assertThat(Files.readString(files.get(2))).contains("\"panels\"");
    Promtool.Result check = Promtool.run("check", "rules", files.get(0).toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
  }
}
