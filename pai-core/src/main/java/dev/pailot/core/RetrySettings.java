package dev.pailot.core;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How the control plane retries: throttling always (bounded, honouring PAI's {@code TimeLeft}
 * hint), transient 5xx and I/O errors only for idempotent calls and creates that carry a {@code
 * ClientToken}. Exponential backoff with jitter, capped by {@link #maxDuration()}.
 */
@Value.Immutable
@PailotStyle
public abstract class RetrySettings {
  /**
   * Maximum attempts including the first. Default 5.
   *
   * @return attempts
   */
  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  /**
   * First backoff delay. Default 200 ms.
   *
   * @return delay
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(200);
  }

  /**
   * Largest backoff delay, also the cap on a server wait hint. Default 20 s.
   *
   * @return delay
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(20);
  }

  /**
   * Jitter as a fraction of each delay, 0 to 1. Default 0.25.
   *
   * @return jitter factor
   */
  @Value.Default
  public double jitter() {
    return 0.25;
  }

  /**
   * Total time a call may spend across attempts. Default 2 minutes.
   *
   * @return duration
   */
  @Value.Default
  public Duration maxDuration() {
    return Duration.ofMinutes(2);
  }

  /**
   * Settings that never retry.
   *
   * @return settings with one attempt
   */
  public static RetrySettings none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * The defaults.
   *
   * @return default settings
   */
  public static RetrySettings defaults() {
    return builder().build();
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
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw ValidationException.invalidField(
          "maxAttempts", "must be at least 1, was " + maxAttempts(), "use 1 to disable retries");
    }
    if (baseDelay().isNegative() || maxDelay().compareTo(baseDelay()) < 0) {
      throw ValidationException.invalidField(
          "maxDelay", "must be >= baseDelay and both non-negative", "raise maxDelay");
    }
    if (jitter() < 0 || jitter() > 1) {
      throw ValidationException.invalidField(
          "jitter", "must be between 0 and 1, was " + jitter(), "use e.g. 0.25");
    }
    if (maxDuration().isNegative() || maxDuration().isZero()) {
      throw ValidationException.invalidField(
          "maxDuration", "must be positive", "use e.g. Duration.ofMinutes(2)");
    }
  }

  /** Builder for {@link RetrySettings}. Not thread-safe. */
  public static final class Builder extends ImmutableRetrySettings.Builder {
    Builder() {}
  }
}
