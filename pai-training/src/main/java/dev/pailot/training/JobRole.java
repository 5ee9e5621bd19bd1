package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A role as PAI echoes it for an existing job ({@code JobSpecs[]} in GetJob): enough to tell what
 * the job runs on and what it costs. Not validated like {@link RoleSpec}, since PAI reports what it
 * has. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class JobRole {
  /**
   * The role, as PAI spells it, e.g. {@code Worker}.
   *
   * @return role
   */
  public abstract String role();

  /**
   * The image.
   *
   * @return image reference
   */
  public abstract Optional<String> image();

  /**
   * Pods of this role.
   *
   * @return pod count
   */
  @Value.Default
  public int podCount() {
    return 0;
  }

  /**
   * The instance type, on public resources.
   *
   * @return instance type
   */
  public abstract Optional<String> ecsSpec();

  /**
   * GPUs per pod, on a resource group.
   *
   * @return GPU count
   */
  public abstract Optional<String> gpu();

  /**
   * Whether the role runs on spot capacity.
   *
   * @return {@code true} for spot
   */
  @Value.Default
  public boolean spot() {
    return false;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link JobRole}. Not thread-safe. */
  public static final class Builder extends ImmutableJobRole.Builder {
    Builder() {}
  }
}
