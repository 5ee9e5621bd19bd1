package dev.pailot.serving.client.shadow;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Which requests a {@link ShadowMirror} copies to the shadow endpoint, and how many shadow calls
 * may run at once.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class ShadowSettings {
  /** How requests are picked for mirroring. */
  public enum Sampling {
    /**
     * By a seeded hash of the request id: the same id always gets the same answer, so a replayed
     * request is mirrored again, and two clients with the same seed pick the same requests.
     */
    REQUEST_ID_HASH,
    /** By a pseudo-random draw from a generator seeded with {@link #seed()}. */
    RANDOM
  }

  /**
   * The share of requests to mirror, from 0 (none) to 1 (all). Default 0.1.
   *
   * @return the share
   */
  @Value.Default
  public double share() {
    return 0.1;
  }

  /**
   * How requests are picked. Default {@link Sampling#REQUEST_ID_HASH}.
   *
   * @return sampling
   */
  @Value.Default
  public Sampling sampling() {
    return Sampling.REQUEST_ID_HASH;
  }

  /**
   * The seed of the hash or the generator. Default 0.
   *
   * @return seed
   */
  @Value.Default
  public long seed() {
    return 0;
  }

  /**
   * Most shadow calls running at once; a picked request that finds them all busy is not mirrored
   * (counted in {@link ShadowStats#dropped()}). Default 16.
   *
   * @return max concurrent shadow calls
   */
  @Value.Default
  public int maxConcurrent() {
    return 16;
  }

  /**
   * The deadline of each shadow call (a shorter deadline of the request itself wins), so a hung
   * shadow endpoint gives its slot back. Default 60 s.
   *
   * @return the shadow deadline
   */
  @Value.Default
  public Duration timeout() {
    return Duration.ofSeconds(60);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from these settings.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * The defaults.
   *
   * @return default settings
   */
  public static ShadowSettings defaults() {
    return builder().build();
  }

  @Value.Check
  void check() {
    if (!(share() >= 0 && share() <= 1)) {
      throw ValidationException.invalidField(
          "share", "is " + share() + ", must be between 0 and 1", "use e.g. 0.1 for 10 %");
    }
    if (maxConcurrent() < 1) {
      throw ValidationException.invalidField(
          "maxConcurrent", "is " + maxConcurrent() + ", must be at least 1", "use e.g. 16");
    }
    if (timeout().isNegative() || timeout().isZero()) {
      throw ValidationException.invalidField(
          "timeout", "must be positive", "use e.g. Duration.ofSeconds(60)");
    }
  }

  /** Builder for {@link ShadowSettings}. Not thread-safe. */
  public static final class Builder extends ImmutableShadowSettings.Builder {
    Builder() {}

    /**
     * Validates and builds the settings.
     *
     * @return the settings
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ShadowSettings build() {
      return super.build();
    }
  }
}
