package dev.pailot.testkit.localpai.internal.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EasFaultsTest {
  @Test
  void versionLatencyAppliesOnlyToThatVersionAndServiceLatencyToAll() {
    EasFaults faults = new EasFaults(1);
    faults.latency("svc", 2, Duration.ofMillis(300));
    assertThat(faults.latency("svc", 1)).isZero();
    assertThat(faults.latency("svc", 2)).isEqualTo(Duration.ofMillis(300));
    assertThat(faults.latency("other", 2)).isZero();

    faults.latency("svc", Duration.ofMillis(100));
    assertThat(faults.latency("svc", 1)).isEqualTo(Duration.ofMillis(100));
    assertThat(faults.latency("svc", 2)).isEqualTo(Duration.ofMillis(300));

    faults.reset();
    assertThat(faults.latency("svc", 2)).isZero();
  }

  @Test
  void versionErrorsAreDrawnOnlyForThatVersion() {
    EasFaults faults = new EasFaults(1);
    faults.errors("svc", 2, 1.0);
    assertThat(faults.drawError("svc", 1)).isFalse();
    assertThat(faults.drawError("svc", 2)).isTrue();
  }

  @Test
  void rejectsNegativeLatency() {
    assertThatThrownBy(() -> new EasFaults(1).latency("svc", 1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
