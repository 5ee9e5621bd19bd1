package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The resources of each pod of a role when the job runs on a resource group or quota ({@link
 * JobSpec#resourceId()}), as Kubernetes quantities ({@code JobSpecs[].ResourceConfig}). Jobs on
 * public pay-as-you-go resources give an instance type ({@link RoleSpec#ecsSpec()}) instead.
 *
 * <pre>{@code
 * ResourceConfig eightGpus = ResourceConfig.builder()
 *     .cpu("96").memory("1600Gi").gpu("8").gpuType("GU108")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableResourceConfig.class)
@JsonDeserialize(as = ImmutableResourceConfig.class)
public abstract class ResourceConfig {
  private static final Pattern QUANTITY =
      Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|K|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?");

  /**
   * CPU cores per pod, e.g. {@code 8} or {@code 500m} ({@code CPU}).
   *
   * @return CPU
   */
  public abstract Optional<String> cpu();

  /**
   * Memory per pod, e.g. {@code 64Gi} ({@code Memory}).
   *
   * @return memory
   */
  public abstract Optional<String> memory();

  /**
   * GPUs per pod, e.g. {@code 8} ({@code GPU}).
   *
   * @return GPU count
   */
  public abstract Optional<String> gpu();

  /**
   * GPU model, e.g. {@code GU108} ({@code GPUType}).
   *
   * @return GPU type
   */
  public abstract Optional<String> gpuType();

  /**
   * Shared memory ({@code /dev/shm}) per pod, e.g. {@code 32Gi} ({@code SharedMemory}).
   *
   * @return shared memory
   */
  public abstract Optional<String> sharedMemory();

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
    if (cpu().isEmpty() || memory().isEmpty()) {
      throw ValidationException.invalidField(
          cpu().isEmpty() ? "cpu" : "memory",
          "is not set on ResourceConfig",
          "give both cpu and memory, e.g. cpu(\"8\").memory(\"64Gi\")");
    }
    quantity("cpu", cpu());
    quantity("memory", memory());
    quantity("gpu", gpu());
    quantity("sharedMemory", sharedMemory());
    gpuType()
        .filter(String::isBlank)
        .ifPresent(
            t -> {
              throw ValidationException.invalidField(
                  "gpuType", "is blank", "leave it unset or name the GPU model");
            });
  }

  private static void quantity(String field, Optional<String> value) {
    value
        .filter(v -> !QUANTITY.matcher(v).matches())
        .ifPresent(
            v -> {
              throw ValidationException.invalidField(
                  field,
                  "\"" + v + "\" is not a Kubernetes quantity",
                  "write it like 8, 500m or 64Gi");
            });
  }

  /** Builder for {@link ResourceConfig}. Not thread-safe. */
  public static final class Builder extends ImmutableResourceConfig.Builder {
    Builder() {}
  }
}
