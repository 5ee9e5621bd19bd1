package dev.pailot.observability.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pailot.observability.testing.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated file passes {@code promtool check rules}; {@code promtool test rules} shows each
 * alert fires once its series crosses the threshold (and its {@code for} has passed) and not
 * before. Series step once a minute; each crosses its threshold at minute 10.
 */
class AlertRulesPromtoolTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern LABEL = Pattern.compile("\\{\\{ \\$labels\\.(\\w+) }}");

  @TempDir Path dir;

  private static final AlertSpec SPEC =
      AlertSpec.builder()
          .pendingFor(Duration.ofMinutes(2))
          .putLabels("team", "llm")
          .runbookBaseUrl("https://runbooks.example.com/pailot/")
          .build();

  @Test
  void generatedRuleFilesPassPromtoolCheck() throws IOException {
    for (AlertSpec spec : List.of(AlertSpec.builder().build(), SPEC)) {
      RuleFile rules = PailotAlerts.rules(spec);
      Path file = Files.writeString(dir.resolve("rules.yml"), rules.toYaml());

      Promtool.Result check = Promtool.run("check", "rules", file.toString());

      assertThat(check.exitCode()).as(check.output()).isZero();
      assertThat(check.output()).contains("SUCCESS: 9 rules found");
    }
  }

  @Test
  void prometheusRuleResourceCarriesTheSameGroupsAndPassesPromtool() throws IOException {
    RuleFile rules = PailotAlerts.rules(SPEC);
    String cr = rules.toPrometheusRule("pailot", "monitoring", Map.of("release", "prometheus"));

    @SuppressWarnings("unchecked")
    Map<String, Object> resource = YAML.readValue(cr, Map.class);
    assertThat(resource.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat(resource.get("kind")).isEqualTo("PrometheusRule");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) resource.get("metadata");
    assertThat(metadata)
        .containsEntry("name", "pailot")
        .containsEntry("namespace", "monitoring")
        .containsEntry("labels", Map.<String, Object>of("release", "prometheus"));
    Path spec = dir.resolve("from-cr.yml");
    YAML.writeValue(spec.toFile(), resource.get("spec"));
    assertThat(YAML.readValue(spec.toFile(), Object.class))
        .isEqualTo(YAML.readValue(rules.toYaml(), Object.class));

    Promtool.Result check = Promtool.run("check", "rules", spec.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
  }

  @Test
  void eachAlertFiresAfterItsSeriesCrossesTheThresholdAndNotBefore() throws IOException {
    RuleFile rules = PailotAlerts.rules(SPEC);
    Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules.toYaml());
    List<Map<String, Object>> series = new ArrayList<>();
    List<Map<String, Object>> cases = new ArrayList<>();

    // p99 latency: 100 fast requests a minute, plus 100 slow (1-2.5 s) a minute from minute 10.
    String d = "inference_request_duration_seconds_bucket{service_name=\"chat\",le=";
    series(series, d + "\"0.25\"}", "0+100x40");
    series(series, d + "\"1.0\"}", "0+100x40");
    series(series, d + "\"2.5\"}", "0+100x10 1200+200x30");
    series(series, d + "\"+Inf\"}", "0+100x10 1200+200x30");
    expect(cases, rules.rule(PailotAlerts.LATENCY), Map.of("service_name", "chat"));

    // TTFT: every first token within 0.5 s, then half of them late from minute 10.
    String t = "inference_time_to_first_token_seconds";
    series(series, t + "_bucket{service_name=\"chat\",le=\"0.5\"}", "0+100x40");
    series(series, t + "_count{service_name=\"chat\"}", "0+100x10 1200+200x30");
    expect(cases, rules.rule(PailotAlerts.TTFT_BURN_FAST), Map.of("service_name", "chat"));
    expect(cases, rules.rule(PailotAlerts.TTFT_BURN_SLOW), Map.of("service_name", "chat"));

    // Errors: 100 successes and 50 cancellations a minute (not errors), 30 errors a minute from 10.
    String c = "inference_request_duration_seconds_count{service_name=\"chat\",operation=\"chat\",";
    series(series, c + "outcome=\"success\"}", "0+100x40");
    series(series, c + "outcome=\"cancelled\"}", "0+50x40");
    series(series, c + "outcome=\"error\"}", "0x10 30+30x30");
    expect(cases, rules.rule(PailotAlerts.ERROR_RATE), Map.of("service_name", "chat"));

    // GPU memory: 20 of 24 GB used, then 23 of 24 (95.8 %).
    series(series, "DCGM_FI_DEV_FB_USED{gpu=\"0\",instance=\"node1\"}", "20000x10 23000x30");
    series(series, "DCGM_FI_DEV_FB_FREE{gpu=\"0\",instance=\"node1\"}", "4000x10 1000x30");
    expect(cases, rules.rule(PailotAlerts.GPU_MEMORY), Map.of("gpu", "0", "instance", "node1"));

    // KV cache: the current name and the pre-V1 name both alert.
    series(
        series, "vllm:kv_cache_usage_perc{model_name=\"qwen\",instance=\"e1\"}", "0.5x10 0.95x30");
    series(
        series, "vllm:gpu_cache_usage_perc{model_name=\"old\",instance=\"e2\"}", "0.5x10 0.95x30");
    expect(
        cases,
        rules.rule(PailotAlerts.KV_CACHE),
        Map.of("model_name", "qwen", "instance", "e1"),
        Map.of("model_name", "old", "instance", "e2"));

    // Queue: e1 grows past 10 from minute 10; e3 is long but steady and never alerts.
    series(
        series, "vllm:num_requests_waiting{model_name=\"qwen\",instance=\"e1\"}", "5x10 12+2x30");
    series(series, "vllm:num_requests_waiting{model_name=\"qwen\",instance=\"e3\"}", "20x40");
    expect(cases, rules.rule(PailotAlerts.QUEUE), Map.of("model_name", "qwen", "instance", "e1"));

    // Spot: a third preemption within the hour at minute 13 (threshold 3).
    series(series, "pailot_spot_preemptions_total{job_name=\"sft\"}", "0x10 1 2 3 3x27");
    cases.add(alertCase(rules.rule(PailotAlerts.SPOT), "12m", List.of()));
    expect(cases, rules.rule(PailotAlerts.SPOT), Map.of("job_name", "sft"));

    // Rollback: one at minute 11.
    series(series, "pailot_release_rollbacks_total{service=\"chat\",gate=\"promql\"}", "0x10 1x30");
    expect(cases, rules.rule(PailotAlerts.ROLLBACK), Map.of("service", "chat", "gate", "promql"));

    Map<String, Object> test = new LinkedHashMap<>();
    test.put("interval", "1m");
    test.put("input_series", series);
    test.put("alert_rule_test", cases);
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("rule_files", List.of(ruleFile.getFileName().toString()));
    tests.put("evaluation_interval", "1m");
    tests.put("tests", List.of(test));
    Path testFile = dir.resolve("rules-test.yml");
    YAML.writeValue(testFile.toFile(), tests);

    Promtool.Result result = Promtool.run("test", "rules", testFile.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  private static void series(List<Map<String, Object>> out, String series, String values) {
    out.add(Map.of("series", series, "values", values));
  }

  /** Not firing at minute 9 (before the crossing), firing at minute 15 with these labels. */
  @SafeVarargs
  private static void expect(
      List<Map<String, Object>> cases, AlertRule rule, Map<String, String>... alerts) {
    cases.add(alertCase(rule, "9m", List.of()));
    List<Map<String, Object>> firing = new ArrayList<>();
    for (Map<String, String> seriesLabels : alerts) {
      Map<String, String> labels = new LinkedHashMap<>(seriesLabels);
      labels.putAll(rule.labels());
      Map<String, String> annotations = new LinkedHashMap<>();
      rule.annotations().forEach((k, v) -> annotations.put(k, expand(v, labels)));
      firing.add(Map.of("exp_labels", labels, "exp_annotations", annotations));
    }
    cases.add(alertCase(rule, "15m", firing));
    if (!rule.pendingFor().isZero()) {
      // Crossed at minute 10 or 11 but still pending (for: 2m) at minute 11.
      cases.add(alertCase(rule, "11m", List.of()));
    }
  }

  private static Map<String, Object> alertCase(
      AlertRule rule, String at, List<Map<String, Object>> firing) {
    return Map.of("eval_time", at, "alertname", rule.name(), "exp_alerts", firing);
  }

  private static String expand(String template, Map<String, String> labels) {
    Matcher m = LABEL.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
    }
    return m.appendTail(out).toString();
  }
}
