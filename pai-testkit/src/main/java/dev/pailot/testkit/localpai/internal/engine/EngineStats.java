package dev.pailot.testkit.localpai.internal.engine;

/**
 * Counters the engine publishes after each step for tests and benchmarks: KV blocks in use, running
 * and waiting sequences, the most sequences that ran at once before the first preemption, and
 * static batches formed. Written by the engine thread, read from any thread.
 */
public final class EngineStats {
  private volatile int kvBlocksUsed;
  private volatile int kvBlocksTotal;
  private volatile int running;
  private volatile int waiting;
  private volatile int peakRunning;
  private volatile int peakRunningBeforePreemption;
  private volatile boolean preempted;
  private volatile long batchesFormed;
  private volatile long steps;

  void gauges(BatchScheduler scheduler, KvBlockPool pool) {
    kvBlocksUsed = pool.used();
    kvBlocksTotal = pool.total();
    running = scheduler.running();
    waiting = scheduler.waiting();
  }

  void step(BatchScheduler scheduler, KvBlockPool pool) {
    gauges(scheduler, pool);
    steps++;
    if (running > peakRunning) {
      peakRunning = running;
    }
    if (scheduler instanceof StaticScheduler) {
      batchesFormed = ((StaticScheduler) scheduler).batchesFormed();
    }
  }

  void preemptedAt(int runningBefore) {
    if (!preempted) {
      preempted = true;
      peakRunningBeforePreemption = Math.max(peakRunning, runningBefore);
    }
  }

  /**
   * KV blocks held by sequences.
   *
   * @return blocks
   */
  public int kvBlocksUsed() {
    return kvBlocksUsed;
  }

  /**
   * KV blocks of the replica.
   *
   * @return blocks
   */
  public int kvBlocksTotal() {
    return kvBlocksTotal;
  }

  /**
   * Sequences running after the last step.
   *
   * @return count
   */
  public int running() {
    return running;
  }

  /**
   * Sequences waiting after the last step.
   *
   * @return count
   */
  public int waiting() {
    return waiting;
  }

  /**
   * The most sequences that ran in one step.
   *
   * @return count
   */
  public int peakRunning() {
    return peakRunning;
  }

  /**
   * The most sequences that ran at once before the first preemption, or {@link #peakRunning()} when
   * none happened: how many sequences fit in the KV cache.
   *
   * @return count
   */
  public int peakRunningBeforePreemption() {
    return preempted ? peakRunningBeforePreemption : peakRunning;
  }

  /**
   * Static batches formed (0 under continuous batching).
   *
   * @return count
   */
  public long batchesFormed() {
    return batchesFormed;
  }

  /**
   * Engine steps run.
   *
   * @return count
   */
  public long steps() {
    return steps;
  }
}
