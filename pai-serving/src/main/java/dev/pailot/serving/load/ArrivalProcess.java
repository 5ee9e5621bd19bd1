package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.load.internal.ArrivalSampler;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * When requests arrive: gaps between sends drawn from a Gamma distribution with mean {@code 1 /
 * rate} and shape {@code burstiness}, as vLLM's {@code benchmark_serving} does. Burstiness 1 is a
 * Poisson process (exponential gaps); below 1 arrivals come in bursts, above 1 they are more even.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ArrivalProcess {
  /**
   * Mean arrival rate, requests per second.
   *
   * @return the rate
   */
  public abstract double ratePerSecond();

  /**
   * Gamma shape of the gaps: 1 = Poisson, below 1 burstier, above 1 smoother.
   *
   * @return the burstiness factor
   */
  @Value.Default
  public double burstiness() {
    return 1.0;
  }

  /**
   * Poisson arrivals at {@code ratePerSecond}.
   *
   * @param ratePerSecond mean requests per second, above 0
   * @return the process
   */
  public static ArrivalProcess poisson(double ratePerSecond) {
    return builder().ratePerSecond(ratePerSecond).build();
  }

  /**
   * Gamma-distributed gaps with mean {@code 1 / ratePerSecond} and shape {@code burstiness}.
   *
   * @param ratePerSecond mean requests per second, above 0
   * @param burstiness the Gamma shape, above 0
   * @return the process
   */
  public static ArrivalProcess gamma(double ratePerSecond, double burstiness) {
    return builder().ratePerSecond(ratePerSecond).burstiness(burstiness).build();
  }

  /**
   * The same process at another rate.
   *
   * @param ratePerSecond the new rate
   * @return a copy with that rate
   */
  public ArrivalProcess atRate(double ratePerSecond) {
    return builder().ratePerSecond(ratePerSecond).burstiness(burstiness()).build();
  }

  /**
   * The absolute send times of every arrival within {@code span}, as nanoseconds from the start of
   * the run, ascending. The same seed gives the same schedule.
   *
   * @param span how long the schedule lasts
   * @param seed the random seed
   * @return send offsets in nanoseconds, each below {@code span}
   */
  public long[] sendTimes(Duration span, long seed) {
    return ArrivalSampler.sendTimes(ratePerSecond(), burstiness(), span, seed);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!(ratePerSecond() > 0) || Double.isInfinite(ratePerSecond())) {
      throw ValidationException.invalidField(
          "ratePerSecond", ratePerSecond() + " is not a positive rate", "use e.g. 10.0");
    }
    if (!(burstiness() > 0) || Double.isInfinite(burstiness())) {
      throw ValidationException.invalidField(
          "burstiness", burstiness() + " is not positive", "use 1.0 for Poisson arrivals");
    }
  }

  /** Builder for {@link ArrivalProcess}. Not thread-safe. */
  public static final class Builder extends ImmutableArrivalProcess.Builder {
    Builder() {}
  }
}
