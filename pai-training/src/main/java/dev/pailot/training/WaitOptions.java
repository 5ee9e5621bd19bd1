package dev.pailot.training;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How a {@link DlcClient} waiter polls: a deadline, growing poll delays, and an optional progress
 * callback (in addition to the {@code Pai} listener, which always receives the same events).
 *
 * <pre>{@code
 * WaitOptions options = WaitOptions.builder()
 *     .timeout(Duration.ofHours(2))
 *     .pollDelays(Duration.ofSeconds(5), Duration.ofMinutes(1))
 *     .onProgress(e -> System.out.println(e.message()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class WaitOptions {
  /**
   * Deadline for the whole wait. Default 1 hour.
   *
   * @return timeout
   */
  @Value.Default
  public Duration timeout() {
    return Duration.ofHours(1);
  }

  /**
   * The first poll delay. Default 2 s.
   *
   * @return first delay
   */
  @Value.Default
  public Duration minPollDelay() {
    return Duration.ofSeconds(2);
  }

  /**
   * The largest poll delay; delays grow 1.5x from {@link #minPollDelay()}. Default 30 s.
   *
   * @return largest delay
   */
  @Value.Default
  public Duration maxPollDelay() {
    return Duration.ofSeconds(30);
  }

  /**
   * Called with every progress event of the wait, on the waiting thread; must be fast. Exceptions
   * it throws are ignored.
   *
   * @return progress callback
   */
  @Value.Auxiliary
  public abstract Optional<Consumer<ProgressEvent>> onProgress();

  /**
   * The defaults: 1 hour, polls every 2 s growing to 30 s, no callback.
   *
   * @return defaults
   */
  public static WaitOptions defaults() {
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
    if (timeout().isNegative() || timeout().isZero()) {
      throw ValidationException.invalidField(
          "timeout", "must be positive", "use e.g. Duration.ofHours(1)");
    }
    if (minPollDelay().isNegative() || maxPollDelay().compareTo(minPollDelay()) < 0) {
      throw ValidationException.invalidField(
          "pollDelays", "need 0 <= min <= max", "use e.g. 2 s and 30 s");
    }
  }

  /** Builder for {@link WaitOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableWaitOptions.Builder {
    Builder() {}

    /**
     * Poll delays: the first is {@code min}, growing 1.5x per poll up to {@code max}.
     *
     * @param min first delay
     * @param max largest delay
     * @return this builder
     */
    public Builder pollDelays(Duration min, Duration max) {
      minPollDelay(min);
      maxPollDelay(max);
      return this;
    }
  }
}
