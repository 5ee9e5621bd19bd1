package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One load run: when requests arrive, how long the run lasts, what each request asks for, and the
 * SLOs goodput is judged by. Requests whose intended send time falls in the warm-up are sent but
 * left out of the results. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LoadSpec {
  /**
   * A label for reports; defaults to the offered rate.
   *
   * @return the label
   */
  @Value.Default
  public String label() {
    return String.format(java.util.Locale.ROOT, "%.2f req/s", arrivals().ratePerSecond());
  }

  /**
   * The arrival process (open loop: send times do not depend on answers).
   *
   * @return the arrivals
   */
  public abstract ArrivalProcess arrivals();

  /**
   * How long requests are sent for after the warm-up; this window is what the results describe.
   *
   * @return the measured duration
   */
  public abstract Duration duration();

  /**
   * How long requests are sent before the measured window; their results are discarded.
   *
   * @return the warm-up, default zero
   */
  @Value.Default
  public Duration warmup() {
    return Duration.ZERO;
  }

  /**
   * Prompt lengths.
   *
   * @return the distribution, default fixed 128 tokens
   */
  @Value.Default
  public LengthDistribution promptTokens() {
    return LengthDistribution.fixed(128);
  }

  /**
   * Output lengths ({@code max_tokens}).
   *
   * @return the distribution, default fixed 128 tokens
   */
  @Value.Default
  public LengthDistribution outputTokens() {
    return LengthDistribution.fixed(128);
  }

  /**
   * An optional closed-loop cap: at most this many requests in flight from the generator. A send
   * that finds the cap reached waits for a slot; its latency still counts from its intended time.
   *
   * @return the cap, empty for a pure open loop
   */
  public abstract OptionalInt maxInFlight();

  /**
   * The SLOs goodput is judged by.
   *
   * @return the SLOs, default none
   */
  @Value.Default
  public Slo slo() {
    return Slo.none();
  }

  /**
   * Seed for the arrival schedule and the lengths; the same seed gives the same requests.
   *
   * @return the seed, default 42
   */
  @Value.Default
  public long seed() {
    return 42;
  }

  /**
   * How long to wait for requests still running after the last send; those still running then are
   * cancelled and counted as failed ({@code DrainTimeout}).
   *
   * @return the drain timeout, default 60 s
   */
  @Value.Default
  public Duration drainTimeout() {
    return Duration.ofSeconds(60);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this spec's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (duration().isNegative() || duration().isZero()) {
      throw ValidationException.invalidField("duration", "is not positive", "use e.g. 60 s");
    }
    if (warmup().isNegative()) {
      throw ValidationException.invalidField("warmup", "is negative", "use zero or more");
    }
    if (maxInFlight().isPresent() && maxInFlight().getAsInt() < 1) {
      throw ValidationException.invalidField(
          "maxInFlight", maxInFlight().getAsInt() + " is below 1", "use 1 or more, or leave unset");
    }
    if (drainTimeout().isNegative()) {
      throw ValidationException.invalidField("drainTimeout", "is negative", "use e.g. 60 s");
    }
  }

  /** Builder for {@link LoadSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableLoadSpec.Builder {
    Builder() {}
  }
}
