package dev.pailot.serving.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {
  private static final Duration SPAN = Duration.ofSeconds(2000);

  @Test
  void poissonScheduleHasTheRateAndExponentialGaps() {
    long[] times = ArrivalProcess.poisson(50).sendTimes(SPAN, 7);

    assertThat(times.length / 2000.0).isCloseTo(50, within(1.0));
    double[] moments = gapMoments(times);
    assertThat(moments[0]).isCloseTo(0.02, within(0.0004)); // mean gap 1/rate
    assertThat(moments[1]).isCloseTo(1.0, within(0.05)); // squared CV of an exponential
  }

  @Test
  void gammaBurstinessSetsTheSquaredCoefficientOfVariation() {
    double[] bursty = gapMoments(ArrivalProcess.gamma(50, 0.5).sendTimes(SPAN, 7));
    double[] smooth = gapMoments(ArrivalProcess.gamma(50, 4).sendTimes(SPAN, 7));

    assertThat(bursty[0]).isCloseTo(0.02, within(0.0006));
    assertThat(bursty[1]).isCloseTo(2.0, within(0.12)); // CV^2 = 1 / shape
    assertThat(smooth[0]).isCloseTo(0.02, within(0.0004));
    assertThat(smooth[1]).isCloseTo(0.25, within(0.02));
  }

  @Test
  void scheduleIsAscendingWithinTheSpanAndRepeatableBySeed() {
    ArrivalProcess arrivals = ArrivalProcess.gamma(200, 0.7);
    long[] a = arrivals.sendTimes(Duration.ofSeconds(5), 3);
    long[] b = arrivals.sendTimes(Duration.ofSeconds(5), 3);
    long[] c = arrivals.sendTimes(Duration.ofSeconds(5), 4);

    assertThat(a).isEqualTo(b).isNotEqualTo(c).isSorted();
    assertThat(a[a.length - 1]).isLessThan(Duration.ofSeconds(5).toNanos());
    assertThat(arrivals.atRate(10).burstiness()).isEqualTo(0.7);
  }

  @Test
  void invalidRatesFailAtTheBuilder() {
    assertThatThrownBy(() -> ArrivalProcess.poisson(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ratePerSecond");
    assertThatThrownBy(() -> ArrivalProcess.gamma(1, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("burstiness");
  }

  @Test
  void lengthDistributionsDrawWithinTheirDefinition() {
    Random random = new Random(1);
    LengthDistribution uniform = LengthDistribution.uniform(10, 20);
    LengthDistribution list = LengthDistribution.fromList(List.of(5, 500));
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      int u = uniform.sample(random);
      assertThat(u).isBetween(10, 20);
      sum += u;
      assertThat(list.sample(random)).isIn(5, 500);
    }
    assertThat(sum / 10_000).isCloseTo(uniform.mean(), within(0.2));
    assertThat(LengthDistribution.fixed(7).sample(random)).isEqualTo(7);
    assertThatThrownBy(() -> LengthDistribution.uniform(20, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max is below min");
  }

  /** Mean gap in seconds and squared coefficient of variation of the gaps. */
  private static double[] gapMoments(long[] times) {
    double sum = 0;
    double sumSq = 0;
    long previous = 0;
    for (long t : times) {
      double gap = (t - previous) / 1e9;
      sum += gap;
      sumSq += gap * gap;
      previous = t;
    }
    double mean = sum / times.length;
    double variance = sumSq / times.length - mean * mean;
    return new double[] {mean, variance / (mean * mean)};
  }
}
