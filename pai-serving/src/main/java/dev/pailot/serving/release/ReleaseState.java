package dev.pailot.serving.release;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A blue-green release as EAS shows it: derived only from the two services' status, traffic state,
 * release weights and the labels the release put on green, never from a controller's memory. This
 * is what lets another process resume a release whose controller died. Plain data. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableReleaseState.class)
@JsonDeserialize(as = ImmutableReleaseState.class)
public abstract class ReleaseState {
  /**
   * Where the release stands.
   *
   * @return phase
   */
  public abstract ReleasePhase phase();

  /**
   * Green's share of the group's traffic in percent, from the release weights (0 when green is
   * standalone or absent).
   *
   * @return share
   */
  public abstract int greenSharePercent();

  /**
   * The configured stage in progress while {@link ReleasePhase#SHIFTING}: the smallest stage at or
   * above green's share (a controller that died between its two weight calls leaves a share between
   * stages).
   *
   * @return stage percent
   */
  public abstract Optional<Integer> stagePercent();

  /**
   * Blue's release weight.
   *
   * @return weight
   */
  public abstract int blueWeight();

  /**
   * Green's release weight.
   *
   * @return weight
   */
  public abstract int greenWeight();

  /**
   * Green's EAS status, when green exists.
   *
   * @return status
   */
  public abstract Optional<String> greenStatus();

  /**
   * Green's current version, when green exists.
   *
   * @return version
   */
  public abstract Optional<Integer> greenVersion();

  /**
   * One line for people.
   *
   * @return description
   */
  public abstract String description();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ReleaseState}. Not thread-safe. */
  public static final class Builder extends ImmutableReleaseState.Builder {
    Builder() {}
  }
}
