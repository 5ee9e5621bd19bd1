package dev.pailot.training.checkpoint;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One checkpoint as a {@link CheckpointStore} sees it: its step, where it is, and whether it is
 * complete (its marker exists). Plain data; immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableCheckpoint.class)
@JsonDeserialize(as = ImmutableCheckpoint.class)
public abstract class Checkpoint {
  /**
   * The training step it holds, e.g. {@code 40} for {@code step-40/}.
   *
   * @return step
   */
  public abstract long step();

  /**
   * Where it is: an {@code oss://} URI or a local path, ending with {@code /}.
   *
   * @return location
   */
  public abstract String location();

  /**
   * Whether its completion marker exists. An incomplete checkpoint (cut short, or still being
   * written) is never resumed from.
   *
   * @return {@code true} if complete
   */
  public abstract boolean complete();

  /**
   * When the marker was written (its modification time), for a complete checkpoint whose store
   * reports it.
   *
   * @return completion time
   */
  public abstract Optional<Instant> completedAt();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Checkpoint}. Not thread-safe. */
  public static final class Builder extends ImmutableCheckpoint.Builder {
    Builder() {}
  }
}
