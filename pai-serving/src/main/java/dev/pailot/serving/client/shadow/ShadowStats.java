package dev.pailot.serving.client.shadow;

import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/** A {@link ShadowMirror}'s counters at one moment. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class ShadowStats {
  /**
   * Requests the mirror saw.
   *
   * @return count
   */
  public abstract long requests();

  /**
   * Requests copied to the shadow endpoint.
   *
   * @return count
   */
  public abstract long mirrored();

  /**
   * Requests picked for mirroring but not copied because {@link ShadowSettings#maxConcurrent()}
   * shadow calls were running (or the mirror was closed).
   *
   * @return count
   */
  public abstract long dropped();

  /**
   * Shadow calls that failed (the primary was unaffected).
   *
   * @return count
   */
  public abstract long shadowFailures();

  /**
   * Shadow calls running now.
   *
   * @return count
   */
  public abstract int inFlight();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ShadowStats}. Not thread-safe. */
  public static final class Builder extends ImmutableShadowStats.Builder {
    Builder() {}
  }
}
