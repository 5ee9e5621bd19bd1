package dev.pailot.core.event;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Progress of a long operation (provisioning, waiting, training, deployment, promotion), for a
 * portal to show or a CLI to print. Plain data, serialisable to JSON as-is.
 */
@Value.Immutable
@PailotStyle
public abstract class ProgressEvent {
  /**
   * The long operation, e.g. {@code network.apply}, {@code workspace.ensure}, {@code waiter}.
   *
   * @return operation name
   */
  public abstract String operation();

  /**
   * The resource concerned, e.g. {@code vpc/pailot-prod}; empty string when none.
   *
   * @return resource
   */
  @Value.Default
  public String resource() {
    return "";
  }

  /**
   * The phase reached, e.g. {@code CREATING}, {@code CREATED}, {@code UNCHANGED}, {@code WAITING},
   * {@code AVAILABLE}, {@code DRIFT}.
   *
   * @return phase
   */
  public abstract String phase();

  /**
   * A one-line human-readable message.
   *
   * @return message
   */
  public abstract String message();

  /**
   * When it happened.
   *
   * @return timestamp
   */
  @Value.Default
  public Instant timestamp() {
    return Instant.now();
  }

  /**
   * Extra machine-readable facts (ids, counts, states).
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

  /** Builder for {@link ProgressEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableProgressEvent.Builder {
    Builder() {}
  }
}
