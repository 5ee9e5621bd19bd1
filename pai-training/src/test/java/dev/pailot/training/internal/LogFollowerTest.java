package dev.pailot.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlap rule that keeps followed log lines from repeating. */
class LogFollowerTest {

  @Test
  void skipsTheLongestRunThatEndsWhatWasSeen() {
    assertThat(LogFollower.repeated(List.of("a", "b", "c"), List.of("b", "c", "d"))).isEqualTo(2);
    assertThat(LogFollower.repeated(List.of("a", "b", "c"), List.of("c"))).isEqualTo(1);
    assertThat(LogFollower.repeated(List.of("a", "b"), List.of("a", "b"))).isEqualTo(2);
  }

  @Test
  void nothingRepeatedWhenTheBatchStartsFresh() {
    assertThat(LogFollower.repeated(List.of(), List.of("a"))).isZero();
    assertThat(LogFollower.repeated(List.of("a", "b"), List.of("c", "b"))).isZero();
    assertThat(LogFollower.repeated(List.of("a", "b"), List.of())).isZero();
  }

  @Test
  void repeatedIdenticalLinesCountOnlyAsFarAsTheyMatch() {
    assertThat(LogFollower.repeated(List.of("x", "y", "y"), List.of("y", "y", "z"))).isEqualTo(2);
    assertThat(LogFollower.repeated(List.of("x", "y"), List.of("y", "y"))).isEqualTo(1);
  }
}
