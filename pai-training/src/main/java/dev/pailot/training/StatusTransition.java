package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a job's status history ({@code StatusHistory[]}): a state, when it began and ended,
 * and why. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class StatusTransition {
  /**
   * The state.
   *
   * @return status
   */
  public abstract JobStatus status();

  /**
   * PAI's status text, as sent.
   *
   * @return status text
   */
  @Value.Default
  public String statusText() {
    return status().wireValue();
  }

  /**
   * When the state began.
   *
   * @return start time
   */
  public abstract Optional<Instant> startedAt();

  /**
   * When the state ended; empty for the current state.
   *
   * @return end time
   */
  public abstract Optional<Instant> endedAt();

  /**
   * Why, as a code, e.g. {@code JobStoppedByUser}.
   *
   * @return reason code
   */
  public abstract Optional<String> reasonCode();

  /**
   * Why, in words.
   *
   * @return reason message
   */
  public abstract Optional<String> reasonMessage();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link StatusTransition}. Not thread-safe. */
  public static final class Builder extends ImmutableStatusTransition.Builder {
    Builder() {}
  }
}
