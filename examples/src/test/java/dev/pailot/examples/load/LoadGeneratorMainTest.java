package dev.pailot.examples.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.Transport;
import dev.pailot.serving.load.LengthDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadGeneratorMainTest {
  @Test
  void lengthOptionsParseAsFixedUniformOrList() {
    assertThat(LoadGeneratorMain.lengths("128")).isEqualTo(LengthDistribution.fixed(128));
    assertThat(LoadGeneratorMain.lengths("64..512")).isEqualTo(LengthDistribution.uniform(64, 512));
    assertThat(LoadGeneratorMain.lengths("10, 20,30"))
        .isEqualTo(LengthDistribution.fromList(List.of(10, 20, 30)));
  }

  @Test
  void aRealEndpointWithoutItsTokenVariableStopsBeforeAnyCall() {
    int code =
        new CommandLine(new LoadGeneratorMain())
            .execute(
                "--endpoint",
                "http://127.0.0.1:9/api/predict/x",
                "--token-env",
                "PAILOT_TEST_NO_SUCH_VARIABLE",
                "--duration",
                "1");
    assertThat(code).isEqualTo(2);
  }

  @Test
  void aTtftTargetNeedsAnAdaptiveLimit() {
    assertThatThrownBy(
            () ->
                LoadGeneratorMain.client(
                    "http://127.0.0.1:1/api/predict/x", "t", 8, null, 500L, Transport.OKHTTP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--ttft-target-ms")
        .hasMessageContaining("--adaptive");
  }
}
