package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalPaiMainTest {
  @Test
  void parsesTheCommandLine() {
    LocalPaiOptions o =
        LocalPaiMain.parse(
            new String[] {"--port", "8099", "--time-scale-ms", "25", "--region", "cn-beijing"});
    assertThat(o.port()).isEqualTo(8099);
    assertThat(o.timeScale()).isEqualTo(Duration.ofMillis(25));
    assertThat(o.region()).isEqualTo("cn-beijing");
    assertThat(o.accessKeyId()).isEqualTo(LocalPaiOptions.DEFAULT_ACCESS_KEY_ID);
  }

  @Test
  void rejectsUnknownAndIncompleteOptions() {
    assertThatThrownBy(() -> LocalPaiMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> LocalPaiMain.parse(new String[] {"--port"}))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> LocalPaiMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("number");
    assertThat(LocalPaiMain.parse(new String[] {"--help"})).isNull();
  }
}
