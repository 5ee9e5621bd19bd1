package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.ModelProfile;

/**
 * The paged KV cache: a fixed number of blocks of {@link ModelProfile#BLOCK_TOKENS} tokens, handed
 * to sequences as their context grows and returned when they finish, abort or are preempted. Only
 * counts are kept: which physical block holds what does not change any observable behaviour. Used
 * by the engine thread only; {@link #used()} may be read from other threads.
 */
final class KvBlockPool {
  private final int total;
  private volatile int used;

  KvBlockPool(int total) {
    this.total = total;
  }

  static int blocksFor(int tokens) {
    return (tokens + ModelProfile.BLOCK_TOKENS - 1) / ModelProfile.BLOCK_TOKENS;
  }

  /**
   * Grows a sequence's allocation to hold {@code tokens} tokens.
   *
   * @return {@code false}, allocating nothing, when too few blocks are free
   */
  boolean grow(Sequence seq, int tokens) {
    int extra = blocksFor(tokens) - seq.blocks();
    if (extra <= 0) {
      return true;
    }
    if (extra > total - used) {
      return false;
    }
    used += extra;
    seq.blocks(seq.blocks() + extra);
    return true;
  }

  /** Whether {@code blocks} more blocks are free. */
  boolean canAllocate(int blocks) {
    return blocks <= total - used;
  }

  /** Returns all of a sequence's blocks. */
  void release(Sequence seq) {
    used -= seq.blocks();
    seq.blocks(0);
  }

  int total() {
    return total;
  }

  int used() {
    return used;
  }

  double usage() {
    return total == 0 ? 0 : (double) used / total;
  }
}
