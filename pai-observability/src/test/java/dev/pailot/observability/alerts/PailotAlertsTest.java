package dev.pailot.observability.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PailotAlertsTest {
  @Test
  void latencyRuleIsTheBlueprintsQueryUnchanged() {
    RuleFile rules = PailotAlerts.rules(AlertSpec.builder().build());

    assertThat(rules.rule(PailotAlerts.LATENCY).expr())
        .isEqualTo(
            "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket[5m]))"
                + " by (le, service_name)) > 1.0");
    assertThat(rules.rule(PailotAlerts.LATENCY).pendingFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rules.rules()).hasSize(9);
    assertThat(rules.groups())
        .extracting(RuleGroup::name)
        .containsExactly("pailot-inference", "pailot-engine", "pailot-lifecycle");
    assertThat(rules.toYaml()).contains("alert: PailotLatencyHigh").doesNotContain("\\\n");
  }

  @Test
  void thresholdsLabelsAndRunbooksAreConfigurable() {
    AlertSpec spec =
        AlertSpec.builder()
            .latencyQuantile(0.95)
            .latencyBudget(Duration.ofMillis(800))
            .ttftTarget(Duration.ofMillis(250))
            .gpuMemoryThreshold(0.9)
            .putLabels("severity", "critical")
            .putLabels("team", "llm")
            .runbookBaseUrl("https://wiki/runbooks/")
            .build();
    RuleFile rules = PailotAlerts.rules(spec);

    assertThat(rules.rule(PailotAlerts.LATENCY).expr())
        .startsWith("histogram_quantile(0.95,")
        .endsWith("> 0.8");
    assertThat(rules.rule(PailotAlerts.TTFT_BURN_FAST).expr()).contains("le=\"0.25\"");
    assertThat(rules.rule(PailotAlerts.GPU_MEMORY).expr()).endsWith(">= 0.9");
    assertThat(rules.rule(PailotAlerts.QUEUE).labels())
        .containsEntry("severity", "critical")
        .containsEntry("team", "llm");
    assertThat(rules.rule(PailotAlerts.ROLLBACK).annotations())
        .containsEntry("runbook_url", "https://wiki/runbooks/PailotReleaseRolledBack")
        .containsKeys("summary", "description", "runbook");
  }

  @Test
  void badSpecsFailAtTheBuilder() {
    assertThatThrownBy(() -> AlertSpec.builder().latencyQuantile(1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("latencyQuantile");
    assertThatThrownBy(() -> AlertSpec.builder().rateWindow(Duration.ZERO).build())
        .hasMessageContaining("rateWindow");
    assertThatThrownBy(() -> AlertRule.builder().name("bad name").expr("up").build())
        .hasMessageContaining("name");
  }
}
