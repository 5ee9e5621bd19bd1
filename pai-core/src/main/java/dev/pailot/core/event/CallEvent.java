package dev.pailot.core.event;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One control-plane call as seen by a {@link PaiListener}: started, or finished with an outcome.
 * Plain data; never contains credentials or bodies.
 */
@Value.Immutable
@PailotStyle
public abstract class CallEvent {
  /**
   * Product id, e.g. {@code pai-dlc}.
   *
   * @return product id
   */
  public abstract String product();

  /**
   * API action, e.g. {@code CreateJob}.
   *
   * @return action
   */
  public abstract String action();

  /**
   * Attempts made so far (0 when the call has just started).
   *
   * @return attempts
   */
  public abstract int attempts();

  /**
   * Time since the call started.
   *
   * @return elapsed time
   */
  public abstract Duration elapsed();

  /**
   * HTTP status of the last response, when the call finished with one.
   *
   * @return status
   */
  public abstract Optional<Integer> httpStatus();

  /**
   * PAI request id of the last response, when known.
   *
   * @return request id
   */
  public abstract Optional<String> requestId();

  /**
   * Error code when the call failed.
   *
   * @return error code
   */
  public abstract Optional<String> errorCode();

  /**
   * Whether the call succeeded; empty while it is still running.
   *
   * @return success flag
   */
  public abstract Optional<Boolean> succeeded();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CallEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableCallEvent.Builder {
    Builder() {}
  }
}
