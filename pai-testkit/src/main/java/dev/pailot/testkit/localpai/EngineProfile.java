package dev.pailot.testkit.localpai;

import dev.pailot.core.internal.PailotStyle;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Defaults of LocalPai's emulated inference engines: the scheduler limits vLLM takes as flags, the
 * cost model that turns a batch into real step time, and how fast weights load. A service spec
 * overrides any of them through its launch flags or {@code LOCALPAI_*} container environment
 * variables (see {@code docs/localpai.md}, section Engine). Immutable and thread-safe.
 *
 * <p>One decode step of {@code n} sequences takes {@code stepBaseMicros + stepPerSequenceMicros * n
 * + prefillMicrosPerToken * (prompt tokens computed in the step)} of real time, which is what a
 * memory-bound decoder on one GPU roughly does.
 */
@Value.Immutable
@PailotStyle
public abstract class EngineProfile {
  /** How the engine forms batches. */
  public enum Batching {
    /** Iteration-level scheduling: sequences join and leave the running batch at every step. */
    CONTINUOUS,
    /** Request-level batching: a batch forms once and runs until its longest member finishes. */
    STATIC
  }

  /**
   * Batching mode. Default {@link Batching#CONTINUOUS}.
   *
   * @return mode
   */
  @Value.Default
  public Batching batching() {
    return Batching.CONTINUOUS;
  }

  /**
   * Most sequences running at once ({@code --max-num-seqs}). Default 256.
   *
   * @return limit
   */
  @Value.Default
  public int maxNumSeqs() {
    return 256;
  }

  /**
   * Most tokens computed in one step, prefill and decode together ({@code
   * --max-num-batched-tokens}). Default 8192.
   *
   * @return token budget per step
   */
  @Value.Default
  public int maxNumBatchedTokens() {
    return 8192;
  }

  /**
   * KV-cache element type ({@code --kv-cache-dtype}): {@code auto}, {@code fp16} and {@code bf16}
   * take 2 bytes, {@code fp8*} and {@code int8} 1 byte. Default {@code auto}.
   *
   * @return dtype
   */
  @Value.Default
  public String kvCacheDtype() {
    return "auto";
  }

  /**
   * Share of GPU memory the engine may use ({@code --gpu-memory-utilization}). Default 0.9.
   *
   * @return fraction in (0, 1]
   */
  @Value.Default
  public double gpuMemoryUtilization() {
    return 0.9;
  }

  /**
   * Fixed cost of one decode step, in microseconds of real time. Default 8000.
   *
   * @return microseconds
   */
  @Value.Default
  public long stepBaseMicros() {
    return 8_000;
  }

  /**
   * Added cost per running sequence in a step, in microseconds. Default 60.
   *
   * @return microseconds
   */
  @Value.Default
  public long stepPerSequenceMicros() {
    return 60;
  }

  /**
   * Added cost per prompt token prefilled in a step, in microseconds. Default 150.
   *
   * @return microseconds
   */
  @Value.Default
  public long prefillMicrosPerToken() {
    return 150;
  }

  /**
   * Bytes per second the replica reads weights at (OSS mount). Default 1 GB/s.
   *
   * @return bytes per second
   */
  @Value.Default
  public long storageBytesPerSecond() {
    return 1_000_000_000L;
  }

  /**
   * Emulated seconds of warm-up after the weights are loaded (profiling, CUDA graph capture).
   * Default 30.
   *
   * @return seconds of emulated time
   */
  @Value.Default
  public double warmUpSeconds() {
    return 30;
  }

  /**
   * Mean natural output length in tokens. When set, a request without {@code ignore_eos} stops at a
   * seeded, exponentially distributed length (finish reason {@code stop}) or at its {@code
   * max_tokens}, whichever comes first. When empty, outputs run to {@code max_tokens}.
   *
   * @return mean tokens, or empty
   */
  public abstract OptionalInt eosMeanTokens();

  /**
   * Output tokens for a request that sets no {@code max_tokens}. Default 256.
   *
   * @return tokens
   */
  @Value.Default
  public int defaultMaxTokens() {
    return 256;
  }

  /**
   * Fixed cost of one embedding or rerank call, in microseconds. Default 3000.
   *
   * @return microseconds
   */
  @Value.Default
  public long poolingCallMicros() {
    return 3_000;
  }

  /**
   * Added cost per input (text or document) of an embedding or rerank call, in microseconds.
   * Default 400.
   *
   * @return microseconds
   */
  @Value.Default
  public long poolingItemMicros() {
    return 400;
  }

  /**
   * The defaults.
   *
   * @return default profile
   */
  public static EngineProfile defaults() {
    return builder().build();
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
    if (maxNumSeqs() < 1 || maxNumBatchedTokens() < 1 || defaultMaxTokens() < 1) {
      throw new IllegalArgumentException(
          "maxNumSeqs, maxNumBatchedTokens and defaultMaxTokens must be at least 1");
    }
    if (gpuMemoryUtilization() <= 0 || gpuMemoryUtilization() > 1) {
      throw new IllegalArgumentException("gpuMemoryUtilization must be in (0, 1]");
    }
    if (stepBaseMicros() < 0 || stepPerSequenceMicros() < 0 || prefillMicrosPerToken() < 0) {
      throw new IllegalArgumentException("step costs must not be negative");
    }
    if (poolingCallMicros() < 0 || poolingItemMicros() < 0 || warmUpSeconds() < 0) {
      throw new IllegalArgumentException("pooling costs and warm-up must not be negative");
    }
    if (storageBytesPerSecond() < 1) {
      throw new IllegalArgumentException("storageBytesPerSecond must be positive");
    }
    if (eosMeanTokens().isPresent() && eosMeanTokens().getAsInt() < 1) {
      throw new IllegalArgumentException("eosMeanTokens must be at least 1");
    }
  }

  /** Builder for {@link EngineProfile}. Not thread-safe. */
  public static final class Builder extends ImmutableEngineProfile.Builder {
    Builder() {}
  }
}
