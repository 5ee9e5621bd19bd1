package dev.pailot.core.event;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** A retry the SDK scheduled after a failed attempt. Plain data. */
@Value.Immutable
@PailotStyle
public abstract class RetryEvent {
  /**
   * Product id, e.g. {@code vpc}.
   *
   * @return product id
   */
  public abstract String product();

  /**
   * API action.
   *
   * @return action
   */
  public abstract String action();

  /**
   * The attempt that failed (1-based).
   *
   * @return attempt number
   */
  public abstract int failedAttempt();

  /**
   * How long the SDK waits before the next attempt.
   *
   * @return delay
   */
  public abstract Duration delay();

  /**
   * Error code of the failed attempt, e.g. {@code Throttling.User}, when known.
   *
   * @return error code
   */
  public abstract Optional<String> errorCode();

  /**
   * HTTP status of the failed attempt, or 0 when none arrived.
   *
   * @return status
   */
  public abstract int httpStatus();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RetryEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableRetryEvent.Builder {
    Builder() {}
  }
}
