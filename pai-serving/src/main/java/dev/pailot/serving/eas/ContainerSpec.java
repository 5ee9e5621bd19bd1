package dev.pailot.serving.eas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code containers[]} item of a custom-image service: image, port, start script or command,
 * environment and health probes. Keys Pailot does not model (e.g. {@code prepare}, {@code args})
 * stay in {@link #extra()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class ContainerSpec {
  /**
   * {@code image}: registry/repository:tag or @digest.
   *
   * @return image
   */
  public abstract String image();

  /**
   * {@code port}: the port the container serves on.
   *
   * @return port, if set
   */
  public abstract Optional<Integer> port();

  /**
   * {@code script}: the start command as one shell line.
   *
   * @return script, if set
   */
  public abstract Optional<String> script();

  /**
   * {@code command}: the start command (string form).
   *
   * @return command, if set
   */
  public abstract Optional<String> command();

  /**
   * {@code env[]}: environment variables, in order.
   *
   * @return name to value
   */
  public abstract Map<String, String> env();

  /**
   * {@code health_check}.
   *
   * @return probe, if set
   */
  public abstract Optional<ProbeSpec> healthCheck();

  /**
   * {@code liveness_check}.
   *
   * @return probe, if set
   */
  public abstract Optional<ProbeSpec> livenessCheck();

  /**
   * {@code readiness_check}.
   *
   * @return probe, if set
   */
  public abstract Optional<ProbeSpec> readinessCheck();

  /**
   * {@code startup_check}.
   *
   * @return probe, if set
   */
  public abstract Optional<ProbeSpec> startupCheck();

  /**
   * Every other key of the container. Treat the values as read-only.
   *
   * @return extra keys
   */
  public abstract Map<String, JsonNode> extra();

  /**
   * The probe that gates traffic: readiness, else the generic health check, else startup.
   *
   * @return probe, if any
   */
  public Optional<ProbeSpec> gatingProbe() {
    return readinessCheck().or(this::healthCheck).or(this::startupCheck);
  }

  /**
   * A container with an image and a port.
   *
   * @param image image reference
   * @param port port
   * @return builder with both set
   */
  public static Builder of(String image, int port) {
    return builder().image(image).port(port);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (image().isBlank()) {
      throw ValidationException.invalidField(
          "containers[].image", "is blank", "give an image, e.g. registry/repo:1.2.3");
    }
    SpecRules.range("containers[].port", port(), 1, 65535);
    if (script().isPresent() && command().isPresent()) {
      throw ValidationException.invalidField(
          "containers[].command", "is set together with script", "set script or command, not both");
    }
  }

  /** Builder for {@link ContainerSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableContainerSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the container
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public ContainerSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("ContainerSpec", e);
      }
    }
  }
}
