package dev.pailot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PairedRoundsTest {
  private static PairedRounds.Run run(double rate, double p99) {
    return new PairedRounds.Run(rate, p99, new Histogram(3), (long) rate, 0, 1);
  }

  @Test
  void candidateIsComparedWithTheMeanOfTheBaselineRunsAroundIt() {
    PairedRounds.Round r = new PairedRounds.Round(run(90, 2.0), run(110, 1.5), run(110, 1.0));

    assertThat(r.rateRatio()).isCloseTo(1.1, within(1e-9));
    assertThat(r.p99Ratio()).isCloseTo(1.0, within(1e-9));
    assertThat(r.controlRateDiff()).isCloseTo(20.0 / 90, within(1e-9));
    assertThat(r.controlP99Diff()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void medianIgnoresOneDisturbedRound() {
    assertThat(PairedRounds.median(new double[] {1.02, 0.2, 1.05, 1.01, 1.04})).isEqualTo(1.02);
    assertThat(PairedRounds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
