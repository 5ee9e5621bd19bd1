package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One event of a job ({@code GetJobEvents} {@code Events[]}), e.g. scheduling, image pulls,
 * preemption. PAI sends events as lines of text; {@link #time()} is read from a leading ISO-8601
 * timestamp when the line has one. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class JobEvent {
  /**
   * The event as PAI sent it.
   *
   * @return text
   */
  public abstract String text();

  /**
   * When it happened, if the text starts with an ISO-8601 timestamp.
   *
   * @return time
   */
  public abstract Optional<Instant> time();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link JobEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableJobEvent.Builder {
    Builder() {}
  }
}
