package dev.pailot.training.spot;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Something a {@link SpotRun} did or saw, for a portal to show or a CLI to print. Plain data,
 * serialisable to JSON as-is. The same facts reach the {@code Pai} listener as {@code
 * ProgressEvent}s with operation {@value #OPERATION}, resource {@code spot-run/<run>}, phase {@link
 * #type()} and these attributes.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSpotRunEvent.class)
@JsonDeserialize(as = ImmutableSpotRunEvent.class)
public abstract class SpotRunEvent {
  /** The operation name of the matching {@code ProgressEvent}s. */
  public static final String OPERATION = "dlc.spot-run";

  /**
   * The run's name.
   *
   * @return run name
   */
  public abstract String run();

  /**
   * What happened.
   *
   * @return event type
   */
  public abstract SpotRunEventType type();

  /**
   * The attempt concerned, 1-based; 0 for events of the run as a whole.
   *
   * @return attempt number
   */
  public abstract int attempt();

  /**
   * The attempt's DLC job id, once it has one.
   *
   * @return job id
   */
  public abstract Optional<String> jobId();

  /**
   * The training step concerned: the checkpoint observed, or the step resumed from.
   *
   * @return step
   */
  public abstract OptionalLong step();

  /**
   * One line for people, naming the run, attempt and job.
   *
   * @return message
   */
  public abstract String message();

  /**
   * When it happened.
   *
   * @return time
   */
  public abstract Instant time();

  /**
   * Extra machine-readable facts, e.g. {@code outcome}, {@code reasonCode}, {@code lostSteps}.
   *
   * @return attributes
   */
  public abstract Map<String, String> attributes();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SpotRunEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableSpotRunEvent.Builder {
    Builder() {}
  }
}
