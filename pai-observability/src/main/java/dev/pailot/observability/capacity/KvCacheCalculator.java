package dev.pailot.observability.capacity;

/**
 * Sizes the KV cache of a paged-attention engine (vLLM, SGLang, BladeLLM) the way vLLM does at
 * start-up: the engine takes {@code gpu_memory_utilization} of the cards' memory, loads the
 * weights, keeps room for activations, and cuts the rest into blocks of {@code block_size} tokens.
 *
 * <pre>{@code
 * KvCacheEstimate fp16 = KvCacheCalculator.estimate(spec);
 * long users = fp16.concurrentSequences(4096);
 * }</pre>
 *
 * <p>Pure arithmetic: no I/O, thread-safe. The figures are an estimate (the real activation peak
 * depends on the engine and {@code max_num_batched_tokens}); serving's preflight uses them to
 * refuse specs that cannot hold one sequence.
 */
public final class KvCacheCalculator {
  private static final int K_AND_V = 2;

  private KvCacheCalculator() {}

  /**
   * KV bytes per token for a model and dtype: 2 x layers x KV heads x head dim x dtype bytes.
   *
   * @param model the model
   * @param dtype the cache's element type
   * @return bytes per token
   */
  public static long bytesPerToken(ModelShape model, KvCacheDtype dtype) {
    return (long) K_AND_V
        * model.numLayers()
        * model.numKvHeads()
        * model.headDim()
        * dtype.bytes();
  }

  /**
   * Sizes the cache.
   *
   * @param spec model, dtype, GPU memory and engine settings
   * @return the estimate; {@link KvCacheEstimate#fits()} is false when the weights leave no room
   */
  public static KvCacheEstimate estimate(KvCacheSpec spec) {
    long perToken = bytesPerToken(spec.model(), spec.kvCacheDtype());
    long weights =
        spec.weightBytes().orElseGet(() -> spec.model().estimatedWeightBytes().orElseThrow());
    double total = (double) spec.gpuMemoryBytes() * spec.tensorParallelSize();
    double usable =
        total * spec.gpuMemoryUtilization() - weights - total * spec.activationReserve();
    long kvBytes = Math.max(0L, (long) Math.floor(usable));
    long blockBytes = perToken * spec.blockSize();
    return KvCacheEstimate.builder()
        .spec(spec)
        .bytesPerToken(perToken)
        .weightBytes(weights)
        .kvCacheBytes(kvBytes)
        .numBlocks(kvBytes / blockBytes)
        .build();
  }
}
