package dev.pailot.testkit.localpai.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopMatcherTest {
  @Test
  void holdsBackAPossibleStopAndCutsBeforeIt() {
    StopMatcher m = new StopMatcher(List.of(" cache and"));
    assertThat(m.offer(" the", true)).isEqualTo(" the");
    assertThat(m.offer(" cache", true)).isEmpty();
    assertThat(m.offer(" and", true)).isEmpty();
    assertThat(m.stopped()).isTrue();
  }

  @Test
  void releasesHeldTextWhenItIsNotAStop() {
    StopMatcher m = new StopMatcher(List.of(" cache and"));
    assertThat(m.offer(" cache", true)).isEmpty();
    assertThat(m.offer(" or", true)).isEqualTo(" cache or");
    assertThat(m.offer(" cache", true)).isEmpty();
    assertThat(m.flush()).isEqualTo(" cache");
    assertThat(m.stopped()).isFalse();
  }

  @Test
  void stopsAreIgnoredBeforeMinTokens() {
    StopMatcher m = new StopMatcher(List.of(" a"));
    assertThat(m.offer(" a", false)).isEqualTo(" a");
    assertThat(m.stopped()).isFalse();
  }
}
