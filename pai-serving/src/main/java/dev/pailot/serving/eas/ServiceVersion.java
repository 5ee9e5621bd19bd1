package dev.pailot.serving.eas;

import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One stored version of a service ({@code ListServiceVersions}). The stored JSON is redacted from
 * {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ServiceVersion {
  /**
   * The version number ({@code ImageId}), from 1.
   *
   * @return version
   */
  public abstract int version();

  /**
   * {@code BuildTime}.
   *
   * @return time, if reported
   */
  public abstract Optional<Instant> builtAt();

  /**
   * {@code ImageAvailable}: {@code true}, {@code false} or {@code unknown}.
   *
   * @return availability, if reported
   */
  public abstract Optional<String> imageAvailable();

  /**
   * {@code ServiceRunnable}.
   *
   * @return runnable flag, if reported
   */
  public abstract Optional<String> serviceRunnable();

  /**
   * {@code ServiceConfig}: the version's JSON. Redacted in {@link #toString()}.
   *
   * @return JSON, if reported
   */
  @Value.Redacted
  public abstract Optional<String> serviceConfig();

  /**
   * {@code Message}.
   *
   * @return message, if any
   */
  public abstract Optional<String> message();

  /**
   * The version's spec, parsed from {@link #serviceConfig()}.
   *
   * @return spec, if reported and readable
   */
  public Optional<ServiceSpec> spec() {
    try {
      return serviceConfig().map(ServiceSpec::fromJson);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ServiceVersion}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceVersion.Builder {
    Builder() {}
  }
}
