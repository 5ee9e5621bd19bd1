package dev.pailot.observability.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.observability.testing.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PailotDashboardTest {
  @TempDir Path dir;

  @Test
  void jsonHasAPanelPerDefinitionWithItsQueries() throws Exception {
    JsonNode d = new ObjectMapper().readTree(PailotDashboard.json("Pailot"));

    assertThat(d.path("title").asText()).isEqualTo("Pailot");
    assertThat(d.path("panels")).hasSize(PailotDashboard.panels().size());
    JsonNode first = d.path("panels").get(0);
    assertThat(first.path("targets").get(0).path("expr").asText())
        .contains("inference_request_duration_seconds_bucket")
        .startsWith("histogram_quantile(0.99, sum by (le, service_name)");
    assertThat(d.path("templating").path("list").get(0).path("name").asText())
        .isEqualTo("service_name");
  }

  @Test
  void everyQueryIsValidPromQl() throws Exception {
    // promtool parses every expression of a rule file: check the panels' queries as recording
    // rules.
    List<String> lines = new ArrayList<>(List.of("groups:", "- name: dashboard", "  rules:"));
    int n = 0;
    for (DashboardPanel panel : PailotDashboard.panels()) {
      for (String q : panel.queries()) {
        String expr = q.replace("$service_name", ".*").replace("$__rate_interval", "5m");
        lines.add("  - record: pailot:dashboard:" + n++);
        lines.add("    expr: '" + expr.replace("'", "''") + "'");
      }
    }
    Path file = Files.write(dir.resolve("dashboard-queries.yml"), lines);

    Promtool.Result check = Promtool.run("check", "rules", file.toString());

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + n + " rules found");
  }
}
