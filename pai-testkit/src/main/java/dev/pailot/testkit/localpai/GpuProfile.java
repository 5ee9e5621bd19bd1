package dev.pailot.testkit.localpai;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The GPU of an emulated EAS instance: how much memory one card has and how many cards an instance
 * type carries. The engine keeps {@code gpu_memory_utilization} of one card's memory (times the
 * tensor-parallel size), subtracts the weights and an activation reserve, and pages the rest into
 * KV blocks. Immutable and thread-safe.
 *
 * <p>The {@link #catalogue()} is illustrative: it maps a few ECS GPU instance types to the card
 * they are documented with, for sizing the emulation, not as a price or capacity reference.
 */
@Value.Immutable
@PailotStyle
public abstract class GpuProfile {
  private static final List<GpuProfile> CATALOGUE =
      List.of(
          of("ecs.gn7i-c8g1.2xlarge", "A10", 24, 1),
          of("ecs.gn7i-c16g1.4xlarge", "A10", 24, 1),
          of("ecs.gn7i-c32g1.8xlarge", "A10", 24, 1),
          of("ecs.gn7i-c32g1.16xlarge", "A10", 24, 2),
          of("ecs.gn6i-c4g1.xlarge", "T4", 16, 1),
          of("ecs.gn6i-c8g1.2xlarge", "T4", 16, 1),
          of("ecs.gn6v-c8g1.2xlarge", "V100", 16, 1),
          of("ecs.gn7-c12g1.3xlarge", "A100", 40, 1),
          of("ecs.gn7e-c16g1.4xlarge", "A100", 80, 1),
          of("ecs.gn8v-c82g1.2xlarge", "GU120", 96, 1),
          of("ecs.gn8is-2x.8xlarge", "L20", 48, 2));

  /**
   * ECS instance type, e.g. {@code ecs.gn7i-c8g1.2xlarge}, or a free label for custom profiles.
   *
   * @return instance type
   */
  public abstract String instanceType();

  /**
   * GPU model name, e.g. {@code A10}.
   *
   * @return GPU model
   */
  public abstract String gpuModel();

  /**
   * Memory of one card in GB (10^9 bytes, as GPU memory is quoted).
   *
   * @return GB per card
   */
  public abstract double memoryGb();

  /**
   * Cards per instance.
   *
   * @return card count
   */
  @Value.Default
  public int gpuCount() {
    return 1;
  }

  /**
   * Memory of one card in bytes.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return (long) (memoryGb() * 1e9);
  }

  /**
   * The illustrative catalogue of GPU instance types.
   *
   * @return profiles
   */
  public static List<GpuProfile> catalogue() {
    return CATALOGUE;
  }

  /**
   * The default when a spec names no known instance type: one A10 with 24 GB.
   *
   * @return profile
   */
  public static GpuProfile defaultProfile() {
    return CATALOGUE.get(0);
  }

  /**
   * Finds an instance type in the catalogue.
   *
   * @param instanceType e.g. {@code ecs.gn7i-c8g1.2xlarge}
   * @return the profile, or empty when unknown
   */
  public static Optional<GpuProfile> lookup(String instanceType) {
    return CATALOGUE.stream().filter(p -> p.instanceType().equals(instanceType)).findFirst();
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

  private static GpuProfile of(String type, String model, double gb, int count) {
    return builder().instanceType(type).gpuModel(model).memoryGb(gb).gpuCount(count).build();
  }

  @Value.Check
  void check() {
    if (memoryGb() <= 0 || gpuCount() < 1) {
      throw new IllegalArgumentException(
          "GPU profile " + instanceType() + ": memoryGb and gpuCount must be positive");
    }
  }

  /** Builder for {@link GpuProfile}. Not thread-safe. */
  public static final class Builder extends ImmutableGpuProfile.Builder {
    Builder() {}
  }
}
