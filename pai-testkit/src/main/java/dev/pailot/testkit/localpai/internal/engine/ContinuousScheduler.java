package dev.pailot.testkit.localpai.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Iteration-level scheduling as in vLLM: every step, running sequences decode one token (or
 * continue a chunked prefill), then waiting sequences are admitted while {@code max_num_seqs}, the
 * step's token budget ({@code max_num_batched_tokens}) and free KV blocks allow. When a running
 * sequence needs a block and none is free, the lowest-priority, youngest running sequence is
 * preempted by recompute: its blocks are freed and it waits to be prefilled again, output kept.
 * Used by the engine thread only.
 */
final class ContinuousScheduler implements BatchScheduler {
  private final KvBlockPool pool;
  private final EngineMetrics metrics;
  private final EngineStats stats;
  private final int maxSeqs;
  private final int tokenBudget;
  private final PriorityQueue<Sequence> waiting = new PriorityQueue<>(Sequence.BY_PRIORITY);
  private final List<Sequence> running = new ArrayList<>();

  ContinuousScheduler(
      KvBlockPool pool, EngineMetrics metrics, EngineStats stats, int maxSeqs, int tokenBudget) {
    this.pool = pool;
    this.metrics = metrics;
    this.stats = stats;
    this.maxSeqs = maxSeqs;
    this.tokenBudget = tokenBudget;
  }

  @Override
  public void add(Sequence seq) {
    waiting.add(seq);
  }

  @Override
  public void remove(Sequence seq) {
    if (!running.remove(seq)) {
      waiting.remove(seq);
    }
    pool.release(seq);
  }

  @Override
  public void plan(StepPlan plan) {
    running.sort(Sequence.BY_PRIORITY);
    int budget = tokenBudget;
    int preempted = 0;
    // Index loop: preemption removes from the tail, never before i.
    for (int i = 0; i < running.size() && budget > 0; i++) {
      Sequence seq = running.get(i);
      int n = Math.min(seq.uncomputed(), budget);
      while (!pool.grow(seq, seq.computed() + n)) {
        Sequence victim = running.remove(running.size() - 1);
        preempt(victim);
        preempted++;
        if (victim == seq) {
          break;
        }
      }
      if (i < running.size() && running.get(i) == seq) {
        plan.add(seq, n);
        budget -= n;
      }
    }
    if (preempted == 0) {
      admit(plan, budget);
    }
  }

  private void admit(StepPlan plan, int budget) {
    while (budget > 0 && running.size() < maxSeqs && !waiting.isEmpty()) {
      Sequence seq = waiting.peek();
      int n = Math.min(seq.uncomputed(), budget);
      if (!pool.grow(seq, seq.computed() + n)) {
        return;
      }
      waiting.poll();
      running.add(seq);
      plan.add(seq, n);
      budget -= n;
    }
  }

  private void preempt(Sequence victim) {
    stats.preemptedAt(running.size() + 1);
    pool.release(victim);
    victim.preempted();
    metrics.preempted();
    waiting.add(victim);
  }

  @Override
  public void complete(StepPlan plan, OutputDispatcher out, long nowNanos) {
    boolean anyDone = false;
    for (int i = 0; i < plan.size(); i++) {
      Sequence seq = plan.sequence(i);
      if (seq.aborted()) {
        continue;
      }
      seq.compute(plan.tokens(i));
      if (seq.uncomputed() == 0) {
        out.token(seq, seq.sample(nowNanos), nowNanos);
        if (seq.done()) {
          pool.release(seq);
          anyDone = true;
        }
      }
    }
    if (anyDone) {
      running.removeIf(Sequence::done);
    }
  }

  @Override
  public int running() {
    return running.size();
  }

  @Override
  public int waiting() {
    return waiting.size();
  }

  @Override
  public void abortAll(OutputDispatcher out) {
    List<Sequence> all = new ArrayList<>(running);
    all.addAll(waiting);
    running.clear();
    waiting.clear();
    for (Sequence seq : all) {
      pool.release(seq);
      out.abort(seq);
    }
  }
}
