package dev.pailot.observability.capacity;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What {@link KvCacheCalculator#estimate(KvCacheSpec)} sizes: a model on one replica's GPUs, with
 * the engine's memory settings. Defaults follow vLLM: {@code --gpu-memory-utilization 0.9}, 16
 * tokens per KV block, one GPU.
 *
 * <pre>{@code
 * KvCacheSpec spec = KvCacheSpec.builder()
 *     .model(ModelShape.LLAMA_3_8B)
 *     .kvCacheDtype(KvCacheDtype.FP16)
 *     .gpuMemoryBytes(24_000_000_000L) // one A10
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class KvCacheSpec {
  /**
   * The model.
   *
   * @return its shape
   */
  public abstract ModelShape model();

  /**
   * The KV cache's element type.
   *
   * @return the dtype; {@link KvCacheDtype#FP16} when not set
   */
  @Value.Default
  public KvCacheDtype kvCacheDtype() {
    return KvCacheDtype.FP16;
  }

  /**
   * Memory of one GPU card, in bytes (vendors' gigabytes: an A10's 24 GB is {@code 24e9}).
   *
   * @return bytes
   */
  public abstract long gpuMemoryBytes();

  /**
   * Cards the model is sharded over ({@code --tensor-parallel-size}); multiplies the memory.
   *
   * @return the count; 1 when not set
   */
  @Value.Default
  public int tensorParallelSize() {
    return 1;
  }

  /**
   * The weights' size over all cards; when not set, {@link ModelShape#estimatedWeightBytes()}.
   *
   * @return bytes
   */
  public abstract OptionalLong weightBytes();

  /**
   * Share of GPU memory the engine may take ({@code --gpu-memory-utilization}).
   *
   * @return a fraction in (0, 1]; 0.9 when not set
   */
  @Value.Default
  public double gpuMemoryUtilization() {
    return 0.9;
  }

  /**
   * Share of GPU memory kept for activations (vLLM measures this peak when it starts; 5 % is a
   * typical figure and what LocalPai's engine assumes).
   *
   * @return a fraction in [0, 1); 0.05 when not set
   */
  @Value.Default
  public double activationReserve() {
    return 0.05;
  }

  /**
   * Tokens per KV block ({@code --block-size}); capacity is counted in whole blocks.
   *
   * @return a positive count; 16 when not set
   */
  @Value.Default
  public int blockSize() {
    return 16;
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
   * A builder initialised from this spec.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (gpuMemoryBytes() <= 0) {
      throw ValidationException.invalidField(
          "gpuMemoryBytes", gpuMemoryBytes() + " is not positive", "use one card's memory");
    }
    if (tensorParallelSize() < 1) {
      throw ValidationException.invalidField(
          "tensorParallelSize", tensorParallelSize() + " is below 1", "use 1 or more");
    }
    if (!(gpuMemoryUtilization() > 0 && gpuMemoryUtilization() <= 1)) {
      throw ValidationException.invalidField(
          "gpuMemoryUtilization", gpuMemoryUtilization() + " is outside (0, 1]", "use e.g. 0.9");
    }
    if (!(activationReserve() >= 0 && activationReserve() < 1)) {
      throw ValidationException.invalidField(
          "activationReserve", activationReserve() + " is outside [0, 1)", "use e.g. 0.05");
    }
    if (blockSize() < 1) {
      throw ValidationException.invalidField(
          "blockSize", blockSize() + " is below 1", "use vLLM's 16");
    }
    if (weightBytes().isEmpty() && model().estimatedWeightBytes().isEmpty()) {
      throw ValidationException.invalidField(
          "weightBytes",
          "is not set and model " + model().name() + " has no parameter count",
          "set weightBytes, or parameterCount on the model");
    }
    if (weightBytes().isPresent() && weightBytes().getAsLong() < 0) {
      throw ValidationException.invalidField(
          "weightBytes", weightBytes().getAsLong() + " is negative", "use the weights' size");
    }
  }

  /** Builder for {@link KvCacheSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableKvCacheSpec.Builder {
    Builder() {}

    /**
     * Validates and builds the spec.
     *
     * @return the spec
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public KvCacheSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("KvCacheSpec", e);
      }
    }
  }
}
