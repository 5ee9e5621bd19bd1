package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How the client retries a request before its first token ({@link
 * InferenceClientBuilder#retry(RetryOptions)}). A request is retried only while nothing has reached
 * the caller: the connection failed, the endpoint answered 429 or 5xx, the stream broke before its
 * first delta, or no first token came within {@code firstTokenTimeout}. Once a delta was delivered
 * a failure is surfaced, never retried, so generated output is never duplicated. A retry goes to
 * another endpoint of the pool when one is available. Waits grow exponentially from {@link
 * #baseDelay()} with jitter; a {@code Retry-After} hint is honoured (up to {@link
 * #maxRetryAfter()}) when no other endpoint can take the request; a retry whose wait would end
 * after the request's deadline is not made, and the last failure is thrown at once.
 *
 * <p>Immutable and thread-safe; {@link Builder#build()} throws a {@link ValidationException} naming
 * the invalid field.
 */
@Value.Immutable
@PailotStyle
public abstract class RetryOptions {
  /**
   * Attempts per request, the first included. Default 3.
   *
   * @return attempts, 1 (no retry) to 10
   */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /**
   * Wait before the first retry; doubled for each further one. Default 20 ms.
   *
   * @return the base delay
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(20);
  }

  /**
   * Longest backoff wait. Default 1 s.
   *
   * @return the largest backoff
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(1);
  }

  /**
   * Random spread of each backoff wait, as a fraction of it (0 to 1). Default 0.2.
   *
   * @return the jitter factor
   */
  @Value.Default
  public double jitter() {
    return 0.2;
  }

  /**
   * Longest {@code Retry-After} wait honoured; longer hints are cut to it. Default 10 s. The
   * request's deadline cuts further: a wait that would end after it is not made.
   *
   * @return the cap on server wait hints
   */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(10);
  }

  /**
   * Settings that never retry.
   *
   * @return one attempt per request
   */
  public static RetryOptions none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * The defaults.
   *
   * @return default settings
   */
  public static RetryOptions defaults() {
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

  @Value.Check
  void check() {
    if (maxAttempts() < 1 || maxAttempts() > 10) {
      throw ValidationException.invalidField(
          "maxAttempts", maxAttempts() + " is outside [1, 10]", "use e.g. 3");
    }
    positive("baseDelay", baseDelay());
    positive("maxDelay", maxDelay());
    if (maxDelay().compareTo(baseDelay()) < 0) {
      throw ValidationException.invalidField(
          "maxDelay", "is shorter than baseDelay", "use a maxDelay of at least baseDelay");
    }
    if (!(jitter() >= 0 && jitter() <= 1)) {
      throw ValidationException.invalidField("jitter", jitter() + " is outside [0, 1]", "use 0.2");
    }
    if (maxRetryAfter().isNegative()) {
      throw ValidationException.invalidField(
          "maxRetryAfter", "is negative", "use zero to ignore Retry-After, or e.g. 10 s");
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw ValidationException.invalidField(
          field, d + " is not positive", "use e.g. Duration.ofMillis(20)");
    }
  }

  /** Builder for {@link RetryOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableRetryOptions.Builder {
    Builder() {}
  }
}
