package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.EngineProfile;
import dev.pailot.testkit.localpai.GpuProfile;
import dev.pailot.testkit.localpai.ModelProfile;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one emulated replica needs, resolved from its service spec: what it serves, the model
 * and GPU it sizes its KV cache from, and the effective engine profile (defaults overridden by
 * flags and environment).
 *
 * @param kind what the replica serves
 * @param servedModelName the name clients send as {@code model} and {@code /v1/models} lists
 * @param model model architecture
 * @param gpu GPU of the instance
 * @param tensorParallel cards the model is sharded over (multiplies usable memory)
 * @param profile effective scheduler, cost and load settings
 * @param maxModelLen longest sequence (prompt plus output) accepted
 * @param gpuBlocksOverride a fixed KV block count ({@code --num-gpu-blocks-override}), if set
 * @param embeddingDimension vector size of embedding replicas
 * @param seed seed for every random choice of the replica
 */
record EngineConfig(
    EngineKind kind,
    String servedModelName,
    ModelProfile model,
    GpuProfile gpu,
    int tensorParallel,
    EngineProfile profile,
    int maxModelLen,
    OptionalInt gpuBlocksOverride,
    int embeddingDimension,
    long seed) {

  /**
   * Activations and CUDA graphs are kept out of the KV budget; vLLM measures them by profiling,
   * here they are estimated as a fixed share of GPU memory.
   */
  private static final double ACTIVATION_SHARE = 0.05;

  /** Bytes per KV element: 1 for 8-bit caches (fp8 variants, int8), else 2. */
  int kvDtypeBytes() {
    String d = profile.kvCacheDtype().toLowerCase(Locale.ROOT);
    return d.startsWith("fp8") || d.equals("int8") ? 1 : 2;
  }

  /** Bytes of GPU memory the engine may use across its tensor-parallel cards. */
  long usableGpuBytes() {
    return (long) (gpu.memoryBytes() * (double) tensorParallel * profile.gpuMemoryUtilization());
  }

  /** Bytes left for the KV cache after weights and activations; may be negative. */
  long kvBudgetBytes() {
    long activations = (long) (gpu.memoryBytes() * (double) tensorParallel * ACTIVATION_SHARE);
    return usableGpuBytes() - model.weightBytes() - activations;
  }

  /** Paged KV blocks of {@link ModelProfile#BLOCK_TOKENS} tokens. */
  int kvBlocks() {
    if (gpuBlocksOverride.isPresent()) {
      return gpuBlocksOverride.getAsInt();
    }
    long perBlock = model.kvBytesPerToken(kvDtypeBytes()) * ModelProfile.BLOCK_TOKENS;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, kvBudgetBytes() / perBlock));
  }

  /**
   * Why vLLM would refuse to start with this configuration (weights do not fit, or one sequence of
   * {@code max_model_len} does not fit in the KV cache), or empty when it starts.
   */
  Optional<String> startupError() {
    if (!kind.generates()) {
      return Optional.empty();
    }
    if (gpuBlocksOverride.isEmpty() && kvBudgetBytes() <= 0) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "No available memory for the cache blocks: model %s needs %.1f GB of weights but"
                  + " %s x%d with gpu_memory_utilization %.2f offers %.1f GB. Use a larger"
                  + " instance type, --tensor-parallel-size or a smaller model.",
              model.name(),
              model.weightBytes() / 1e9,
              gpu.gpuModel(),
              tensorParallel,
              profile.gpuMemoryUtilization(),
              usableGpuBytes() / 1e9));
    }
    long capacity = (long) kvBlocks() * ModelProfile.BLOCK_TOKENS;
    if (capacity < maxModelLen) {
      return Optional.of(
          "The model's max seq len ("
              + maxModelLen
              + ") is larger than the maximum number of tokens that can be stored in KV cache ("
              + capacity
              + "). Try increasing gpu_memory_utilization or decreasing max_model_len when"
              + " initializing the engine.");
    }
    return Optional.empty();
  }

  /**
   * Real time until the replica is ready: weights read at the storage throughput plus warm-up, both
   * in emulated seconds, converted with the emulator's time scale.
   *
   * @param minute real time that stands for one emulated minute
   */
  Duration loadTime(Duration minute) {
    double seconds =
        (double) model.weightBytes() / profile.storageBytesPerSecond() + profile.warmUpSeconds();
    return Duration.ofNanos((long) (minute.toNanos() * seconds / 60.0));
  }
}
