package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service event ({@code DescribeServiceEvent}): what EAS did to the service or its instances.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceEvent {
  /**
   * {@code Time}.
   *
   * @return time, if readable
   */
  public abstract Optional<Instant> time();

  /**
   * {@code Type}: {@code Normal} or {@code Warning}.
   *
   * @return type
   */
  public abstract String type();

  /**
   * {@code Reason}, e.g. {@code Updating}, {@code Failed}.
   *
   * @return reason
   */
  public abstract String reason();

  /**
   * {@code Resource}: {@code Service} or {@code Pod}.
   *
   * @return resource, if reported
   */
  public abstract Optional<String> resource();

  /**
   * {@code Message} (often a JSON string).
   *
   * @return message
   */
  public abstract String message();

  /**
   * Whether this is a {@code Warning}.
   *
   * @return true for warnings
   */
  public boolean warning() {
    return "Warning".equalsIgnoreCase(type());
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ServiceEvent}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceEvent.Builder {
    Builder() {}
  }
}
