package dev.pailot.serving.release.gates;

import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.client.InferenceClient;
import java.time.Duration;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * What a {@link ReleaseGate} knows about the stage it judges. The clients belong to the release
 * controller: use them, do not close them. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class GateContext {
  /**
   * The service group.
   *
   * @return group name
   */
  public abstract String group();

  /**
   * The service that serves today.
   *
   * @return blue service name
   */
  public abstract String blue();

  /**
   * The service being released.
   *
   * @return green service name
   */
  public abstract String green();

  /**
   * Green's share of the group's traffic during this stage, in percent; {@code 0} for the
   * pre-traffic check.
   *
   * @return stage percent
   */
  public abstract int stagePercent();

  /**
   * When the stage's weights were set (the bake's start).
   *
   * @return window start
   */
  public abstract Instant windowStart();

  /**
   * The planned bake time of the stage.
   *
   * @return bake
   */
  public abstract Duration bake();

  /**
   * A client for green's own endpoint (not through the group), for probes and golden sets.
   *
   * @return green client
   */
  public abstract InferenceClient greenClient();

  /**
   * A client for blue's own endpoint, for comparisons.
   *
   * @return blue client
   */
  public abstract InferenceClient blueClient();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GateContext}. Not thread-safe. */
  public static final class Builder extends ImmutableGateContext.Builder {
    Builder() {}
  }
}
