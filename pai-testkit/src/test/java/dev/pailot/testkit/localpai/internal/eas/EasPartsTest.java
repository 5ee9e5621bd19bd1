package dev.pailot.testkit.localpai.internal.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure parts of the EAS emulation: merge, cron, stabilization windows, QPS. */
class EasPartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void mergeIsDeepReplacesArraysAndRemovesNulls() throws Exception {
    ObjectNode base =
        json(
            "{\"metadata\":{\"name\":\"a\",\"instance\":1,\"rpc\":{\"keepalive\":5}},\"containers\":[{\"image\":\"x\"}],\"old\":1}");
    ObjectNode patch =
        json(
            "{\"metadata\":{\"rpc\":{\"batching\":true}},\"containers\":[{\"image\":\"y\"}],\"old\":null}");
    ObjectNode merged = ConfigMerge.merge(base, patch);
    assertThat(merged.toString())
        .isEqualTo(
            "{\"metadata\":{\"name\":\"a\",\"instance\":1,\"rpc\":{\"keepalive\":5,\"batching\":true}},\"containers\":[{\"image\":\"y\"}]}");
    assertThat(base.has("old")).isTrue();
  }

  @Test
  void onlyABareInstanceCountIsAScale() throws Exception {
    assertThat(ConfigMerge.isScaleOnly(json("{\"metadata\":{\"instance\":3}}"))).isTrue();
    assertThat(ConfigMerge.isScaleOnly(json("{\"metadata\":{\"instance\":3,\"cpu\":2}}")))
        .isFalse();
    assertThat(ConfigMerge.isScaleOnly(json("{\"metadata\":{\"instance\":3},\"token\":\"t\"}")))
        .isFalse();
  }

  @Test
  void cronExpressionsAreChecked() {
    for (String ok :
        new String[] {"0 18 * * *", "*/5 0-6 1,15 * 1-5", "0 0 * * 7", "0-30/10 * * 12 *"}) {
      CronExpression.check("Schedule", ok);
    }
    for (String bad :
        new String[] {
          "0 18 * *",
          "60 * * * *",
          "* 24 * * *",
          "* * 0 * *",
          "*/0 * * * *",
          "a * * * *",
          "5-1 * * * *"
        }) {
      assertThatThrownBy(() -> CronExpression.check("Schedule", bad))
          .as(bad)
          .isInstanceOf(ServiceError.class)
          .hasMessageContaining("Schedule");
    }
  }

  @Test
  void stabilizationWindowsKeepTheExtremeThatHeld() {
    ScalingHistory h = new ScalingHistory();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    h.reset(t0, 2);
    h.record(t0.plusSeconds(10), 5, t0);
    h.record(t0.plusSeconds(20), 1, t0);
    // Over the whole window the highest recommendation that held was 5, the lowest 1.
    assertThat(h.highestSince(t0.plusSeconds(5))).isEqualTo(5);
    assertThat(h.lowestSince(t0.plusSeconds(5))).isEqualTo(1);
    // Since second 15 only 5 (still holding then) and 1 count.
    assertThat(h.highestSince(t0.plusSeconds(15))).isEqualTo(5);
    assertThat(h.highestSince(t0.plusSeconds(25))).isEqualTo(1);
    assertThat(h.start()).isEqualTo(t0);
  }

  @Test
  void qpsCountsTheLastSecond() {
    QpsMeter m = new QpsMeter();
    for (int i = 0; i < 50; i++) {
      m.record(10_000 + i * 10L);
    }
    assertThat(m.qps(10_500)).isEqualTo(50.0);
    assertThat(m.qps(12_000)).isZero();
    assertThat(m.lastRequestMillis()).isEqualTo(10_490);
  }

  @Test
  void specNormalisesTheLegacyNameAndReadsItsFacts() throws Exception {
    ServiceSpec spec =
        ServiceSpec.parse(
            json(
                "{\"name\":\"svc\",\"metadata\":{\"instance\":2,\"group\":\"g\"},\"token\":\"t\","
                    + "\"cloud\":{\"computing\":{\"instances\":[{\"type\":\"ecs.c7.large\"}]}},"
                    + "\"containers\":[{\"image\":\"sidecar\"},{\"image\":\"app\",\"port\":8000}]}"));
    assertThat(spec.name()).isEqualTo("svc");
    assertThat(spec.config().has("name")).isFalse();
    assertThat(spec.instances()).isEqualTo(2);
    assertThat(spec.group()).contains("g");
    assertThat(spec.token()).contains("t");
    assertThat(spec.image()).contains("app");
    assertThat(spec.port()).isEqualTo(8000);
  }
}
