package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchFlagsTest {
  @Test
  void readsSpaceAndEqualsFormsQuotesSwitchesAndServeArgument() {
    LaunchFlags f =
        LaunchFlags.parse(
            "python3 -m vllm.entrypoints.openai.api_server && vllm serve '/models/my model' "
                + "--enforce-eager --max-num-seqs 64 --served_model_name=\"chat\" --trust-remote-code");

    assertThat(f.positionalModel()).hasValue("/models/my model");
    assertThat(f.get("enforce-eager")).hasValue("true");
    assertThat(f.getInt("max-num-seqs")).hasValue(64);
    assertThat(f.get("served-model-name")).hasValue("chat");
    assertThat(f.get("trust-remote-code")).hasValue("true");
    assertThat(f.get("missing")).isEmpty();
  }

  @Test
  void numbersMustBeNumbers() {
    LaunchFlags f = LaunchFlags.parse("--max-num-seqs many");
    assertThatThrownBy(() -> f.getInt("max-num-seqs")).hasMessageContaining("--max-num-seqs");
  }
}
