package dev.pailot.serving.release;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Something a release did, for a portal to show or a CLI to print. Plain data, serialisable to JSON
 * as-is. The same facts reach the {@code Pai} listener as {@code ProgressEvent}s with operation
 * {@value #OPERATION}, resource {@code eas-release/<group>/<green>}, phase {@link #type()} and
 * these attributes. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableReleaseEvent.class)
@JsonDeserialize(as = ImmutableReleaseEvent.class)
public abstract class ReleaseEvent {
  /** The operation name of the matching {@code ProgressEvent}s. */
  public static final String OPERATION = "eas.release";

  /**
   * The service group.
   *
   * @return group
   */
  public abstract String group();

  /**
   * The green service.
   *
   * @return green
   */
  public abstract String green();

  /**
   * What happened.
   *
   * @return type
   */
  public abstract ReleaseEventType type();

  /**
   * Green's share of traffic in percent when it happened.
   *
   * @return percent
   */
  public abstract int stagePercent();

  /**
   * One line for people.
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
   * Extra machine-readable facts, e.g. {@code passed}, {@code failedGate}, {@code resumed}.
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

  /** Builder for {@link ReleaseEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableReleaseEvent.Builder {
    Builder() {}
  }
}
