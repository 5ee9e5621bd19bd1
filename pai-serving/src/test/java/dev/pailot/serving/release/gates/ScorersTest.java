package dev.pailot.serving.release.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorersTest {
  @Test
  void exactIgnoresSurroundingAndRepeatedWhitespaceOnly() {
    assertThat(Scorers.exact().score("Paris", "  Paris\n")).isEqualTo(1);
    assertThat(Scorers.exact().score("New  York", "New York")).isEqualTo(1);
    assertThat(Scorers.exact().score("Paris", "paris")).isZero();
  }

  @Test
  void containsIgnoresCase() {
    assertThat(Scorers.contains().score("paris", "The capital is Paris.")).isEqualTo(1);
    assertThat(Scorers.contains().score("Lyon", "The capital is Paris.")).isZero();
  }

  @Test
  void tokenJaccardIsSharedOverDistinctWords() {
    assertThat(Scorers.tokenJaccard().score("the cat sat", "The cat ran!"))
        .isCloseTo(2 / 4.0, within(1e-9));
    assertThat(Scorers.tokenJaccard().score("", "")).isEqualTo(1);
    assertThat(Scorers.tokenJaccard().score("a b", "c d")).isZero();
  }

  @Test
  void cosineUsesTheEmbedderAndClampsToZeroOne() {
    Map<String, float[]> vectors =
        Map.of(
            "x", new float[] {1, 0},
            "y", new float[] {1, 1},
            "z", new float[] {-1, 0},
            "short", new float[] {1});
    Scorer cosine = Scorers.cosine(vectors::get);
    assertThat(cosine.score("x", "x")).isCloseTo(1, within(1e-6));
    assertThat(cosine.score("x", "y")).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat(cosine.score("x", "z")).isZero();
    assertThatThrownBy(() -> cosine.score("x", "short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
