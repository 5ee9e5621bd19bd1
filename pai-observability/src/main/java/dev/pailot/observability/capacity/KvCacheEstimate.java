package dev.pailot.observability.capacity;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.internal.BuilderFailures;
import org.immutables.value.Value;

/**
 * How much KV cache a replica has, from {@link KvCacheCalculator#estimate(KvCacheSpec)}: bytes per
 * token, the cache's size in bytes, blocks and tokens, and how many sequences of a given context
 * length run at once. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class KvCacheEstimate {
  /**
   * What was sized.
   *
   * @return the spec
   */
  public abstract KvCacheSpec spec();

  /**
   * KV bytes one token takes: 2 (K and V) x layers x KV heads x head dim x dtype bytes.
   *
   * @return bytes
   */
  public abstract long bytesPerToken();

  /**
   * The weights' size the estimate assumed.
   *
   * @return bytes
   */
  public abstract long weightBytes();

  /**
   * Memory left for the KV cache: total memory x utilization - weights - activation reserve, at
   * least 0.
   *
   * @return bytes
   */
  public abstract long kvCacheBytes();

  /**
   * Whole KV blocks that fit in {@link #kvCacheBytes()}.
   *
   * @return blocks, at least 0
   */
  public abstract long numBlocks();

  /**
   * Tokens the cache holds at once (whole blocks only), summed over all running sequences.
   *
   * @return tokens
   */
  public long tokensThatFit() {
    return numBlocks() * spec().blockSize();
  }

  /**
   * Whether the weights fit in the engine's share of memory with room for at least one block.
   *
   * @return true when there is KV cache at all
   */
  public boolean fits() {
    return numBlocks() > 0;
  }

  /**
   * Sequences that each hold {@code contextLength} tokens (prompt plus output) and fit in the cache
   * at once: whole blocks per sequence, as a paged-attention engine allocates them.
   *
   * @param contextLength tokens per sequence, positive
   * @return the number of sequences; 0 when not even one fits
   * @throws ValidationException when {@code contextLength} is not positive
   */
  public long concurrentSequences(int contextLength) {
    if (contextLength <= 0) {
      throw ValidationException.invalidField(
          "contextLength", contextLength + " is not positive", "pass prompt plus output tokens");
    }
    long blocksPerSequence = (contextLength + spec().blockSize() - 1L) / spec().blockSize();
    return numBlocks() / blocksPerSequence;
  }

  /**
   * A new builder; {@link KvCacheCalculator} is the usual way to get an estimate.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (bytesPerToken() <= 0) {
      throw ValidationException.invalidField(
          "bytesPerToken", bytesPerToken() + " is not positive", "use KvCacheCalculator");
    }
    if (kvCacheBytes() < 0 || numBlocks() < 0) {
      throw ValidationException.invalidField(
          "kvCacheBytes", "is negative", "clamp at 0 as KvCacheCalculator does");
    }
  }

  /** Builder for {@link KvCacheEstimate}. Not thread-safe. */
  public static final class Builder extends ImmutableKvCacheEstimate.Builder {
    Builder() {}

    /**
     * Validates and builds the estimate.
     *
     * @return the estimate
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public KvCacheEstimate build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw BuilderFailures.missing("KvCacheEstimate", e);
      }
    }
  }
}
