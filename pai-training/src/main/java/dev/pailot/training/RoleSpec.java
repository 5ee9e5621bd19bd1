package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One role of a DLC job ({@code JobSpecs[]}): {@link #podCount()} identical pods running {@link
 * #image()}, each on an instance type ({@link #ecsSpec()}, public pay-as-you-go resources) or with
 * {@link #resources()} (a resource group or quota, see {@link JobSpec#resourceId()}), optionally on
 * spot capacity.
 *
 * <pre>{@code
 * RoleSpec workers = RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/team/trainer:2.3.0")
 *     .podCount(2)
 *     .ecsSpec("ecs.gn7i-c8g1.2xlarge")
 *     .spot(SpotSpec.ofDiscountLimit(0.5))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates the role and throws a {@link
 * ValidationException} naming the field and the fix; rules that involve the whole job (instance
 * type versus resource group) are checked by {@link JobSpec}.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableRoleSpec.class)
@JsonDeserialize(as = ImmutableRoleSpec.class)
public abstract class RoleSpec {
  private static final Map<String, String> FIXES =
      Map.of(
          "type", "set type(RoleType.WORKER), or start from RoleSpec.worker(image)",
          "image", "set image(\"registry/repository:tag\")");

  /**
   * The role. Required.
   *
   * @return role type
   */
  public abstract RoleType type();

  /**
   * The container image, pinned: a version tag (not {@code latest}) or, best, a digest ({@code
   * repository@sha256:...}), so a restarted or resumed job runs the same code. Required.
   *
   * @return image reference
   */
  public abstract String image();

  /**
   * How many pods run this role, at least 1. Default 1.
   *
   * @return pod count
   */
  @Value.Default
  public int podCount() {
    return 1;
  }

  /**
   * The instance type of each pod, e.g. {@code ecs.gn7i-c8g1.2xlarge} ({@code EcsSpec}); for jobs
   * on public pay-as-you-go resources (no {@link JobSpec#resourceId()}).
   *
   * @return instance type
   */
  public abstract Optional<String> ecsSpec();

  /**
   * The resources of each pod ({@code ResourceConfig}); for jobs on a resource group or quota
   * ({@link JobSpec#resourceId()} set).
   *
   * @return resources
   */
  public abstract Optional<ResourceConfig> resources();

  /**
   * Runs this role on spot capacity with a price cap ({@code SpotSpec}).
   *
   * @return spot settings
   */
  public abstract Optional<SpotSpec> spot();

  /**
   * When DLC restarts this role's pods ({@code RestartPolicy}); DLC's default when unset.
   *
   * @return restart policy
   */
  public abstract Optional<RestartPolicy> restartPolicy();

  /**
   * A builder for a {@link RoleType#WORKER} role.
   *
   * @param image pinned image reference
   * @return builder with type and image set
   */
  public static Builder worker(String image) {
    return builder().type(RoleType.WORKER).image(image);
  }

  /**
   * A builder for a {@link RoleType#MASTER} role.
   *
   * @param image pinned image reference
   * @return builder with type and image set
   */
  public static Builder master(String image) {
    return builder().type(RoleType.MASTER).image(image);
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
    SpecRules.image(type(), image());
    if (podCount() < 1) {
      throw ValidationException.invalidField(
          "podCount",
          podCount() + " pods for the " + type().wireValue() + " role",
          "use at least 1");
    }
    if (ecsSpec().isPresent() == resources().isPresent()) {
      throw ValidationException.invalidField(
          "ecsSpec",
          "the "
              + type().wireValue()
              + " role "
              + (ecsSpec().isPresent() ? "sets both ecsSpec and resources" : "sets neither")
              + " (an instance type or a resource config)",
          "set ecsSpec(\"ecs.gn7i-c8g1.2xlarge\") on public resources, or resources(...) with a"
              + " JobSpec resourceId on a resource group");
    }
    ecsSpec()
        .filter(s -> s.isBlank() || s.chars().anyMatch(Character::isWhitespace))
        .ifPresent(
            s -> {
              throw ValidationException.invalidField(
                  "ecsSpec",
                  "\"" + s + "\" of the " + type().wireValue() + " role is not an instance type",
                  "use an instance type such as ecs.gn7i-c8g1.2xlarge (see ListEcsSpecs)");
            });
  }

  /** Builder for {@link RoleSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableRoleSpec.Builder {
    Builder() {}

    /**
     * Validates and builds. No network call is made.
     *
     * @return the role
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public RoleSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("RoleSpec", e, FIXES);
      }
    }
  }
}
