package dev.pailot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.PaiConfig;
import org.junit.jupiter.api.Test;

class MissingAttributesTest {
  @Test
  void readsTheNamesImmutablesReports() {
    IllegalStateException e =
        new IllegalStateException(
            "Cannot build JobSpec, some of required attributes are not set [displayName, jobType]");
    assertThat(MissingAttributes.names(e)).containsExactly("displayName", "jobType");
  }

  @Test
  void readsARealBuilderFailure() {
    try {
      PaiConfig.builder().build();
    } catch (IllegalStateException e) {
      assertThat(MissingAttributes.names(e)).containsExactly("region");
      return;
    }
    throw new AssertionError("PaiConfig without a region must not build");
  }

  @Test
  void otherMessagesGiveNoNames() {
    assertThat(MissingAttributes.names(new IllegalStateException("boom"))).isEmpty();
    assertThat(MissingAttributes.names(new IllegalStateException((String) null))).isEmpty();
  }
}
