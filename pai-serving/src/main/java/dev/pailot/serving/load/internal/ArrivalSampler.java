package dev.pailot.serving.load.internal;

import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Precomputes open-loop send times from Gamma-distributed gaps (exponential when shape is 1). */
public final class ArrivalSampler {
  private ArrivalSampler() {}

  /**
   * Send offsets within {@code span}, in nanoseconds.
   *
   * @param rate mean requests per second
   * @param shape the Gamma shape (burstiness)
   * @param span the schedule's length
   * @param seed the seed
   * @return ascending offsets
   */
  public static long[] sendTimes(double rate, double shape, Duration span, long seed) {
    RandomGenerator random = new Well19937c(seed);
    // Mean gap = shape * scale = 1 / rate, as in vLLM's benchmark_serving.
    GammaDistribution gaps =
        new GammaDistribution(
            random,
            shape,
            1.0 / (rate * shape),
            GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    long limit = span.toNanos();
    long[] times = new long[Math.max(16, (int) Math.min(1 << 24, rate * span.toSeconds() * 1.2))];
    int n = 0;
    double t = 0;
    while (true) {
      t += gaps.sample();
      long nanos = (long) (t * 1e9);
      if (nanos >= limit) {
        return Arrays.copyOf(times, n);
      }
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
      }
      times[n++] = nanos;
    }
  }
}
