package dev.pailot.observability.capacity;

/**
 * The element type an engine stores its KV cache in (vLLM's {@code --kv-cache-dtype}). Quantising
 * the cache to one byte halves the bytes per token, so twice as many tokens fit.
 */
public enum KvCacheDtype {
  /** 32-bit floats: 4 bytes per element. */
  FP32(4),
  /** 16-bit IEEE floats: 2 bytes per element (vLLM's {@code auto} for fp16 models). */
  FP16(2),
  /** bfloat16: 2 bytes per element (vLLM's {@code auto} for bf16 models). */
  BF16(2),
  /** 8-bit floats ({@code fp8}, {@code fp8_e4m3}, {@code fp8_e5m2}): 1 byte per element. */
  FP8(1),
  /** 8-bit integers: 1 byte per element. */
  INT8(1);

  private final int bytes;

  KvCacheDtype(int bytes) {
    this.bytes = bytes;
  }

  /**
   * Bytes per cached element.
   *
   * @return 1, 2 or 4
   */
  public int bytes() {
    return bytes;
  }
}
