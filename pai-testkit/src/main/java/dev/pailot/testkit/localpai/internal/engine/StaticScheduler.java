package dev.pailot.testkit.localpai.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Request-level (static) batching on the same hardware model, for comparison with {@link
 * ContinuousScheduler}: a batch forms only when the previous one has ended, from waiting requests
 * in priority order up to {@code max_num_seqs}, each reserving KV for its prompt plus its whole
 * {@code max_tokens} (the engine cannot know where a sequence will stop). The batch prefills at
 * once, then decodes until its longest member is done; every step costs the full batch size, and
 * members that finish early are answered only when the batch ends. Used by the engine thread only.
 */
final class StaticScheduler implements BatchScheduler {
  private final KvBlockPool pool;
  private final int maxSeqs;
  private final PriorityQueue<Sequence> waiting = new PriorityQueue<>(Sequence.BY_PRIORITY);
  private final List<Sequence> batch = new ArrayList<>();
  private int batchSize;
  private long batchesFormed;

  StaticScheduler(KvBlockPool pool, int maxSeqs) {
    this.pool = pool;
    this.maxSeqs = maxSeqs;
  }

  @Override
  public void add(Sequence seq) {
    waiting.add(seq);
  }

  @Override
  public void remove(Sequence seq) {
    if (!batch.remove(seq)) {
      waiting.remove(seq);
    }
    pool.release(seq);
  }

  @Override
  public void plan(StepPlan plan) {
    if (batch.isEmpty()) {
      form();
    }
    for (Sequence seq : batch) {
      if (!seq.done()) {
        plan.add(seq, seq.uncomputed());
      }
    }
    plan.padTo(batchSize);
  }

  private void form() {
    while (batch.size() < maxSeqs && !waiting.isEmpty()) {
      Sequence seq = waiting.peek();
      if (!pool.grow(seq, seq.reservedTokens())) {
        break;
      }
      batch.add(waiting.poll());
    }
    batchSize = batch.size();
    if (batchSize > 0) {
      batchesFormed++;
    }
  }

  @Override
  public void complete(StepPlan plan, OutputDispatcher out, long nowNanos) {
    for (int i = 0; i < plan.size(); i++) {
      Sequence seq = plan.sequence(i);
      if (!seq.aborted()) {
        seq.compute(plan.tokens(i));
        out.text(seq, seq.sample(nowNanos), nowNanos);
      }
    }
    for (Sequence seq : batch) {
      if (!seq.done() && !seq.aborted()) {
        return;
      }
    }
    for (Sequence seq : batch) {
      pool.release(seq);
      if (!seq.aborted()) {
        out.finish(seq, nowNanos);
      }
    }
    batch.clear();
  }

  /** Batches formed so far (read by tests through the engine). */
  long batchesFormed() {
    return batchesFormed;
  }

  /** Size of the batch now running. */
  int batchSize() {
    return batch.isEmpty() ? 0 : batchSize;
  }

  @Override
  public int running() {
    return batch.size();
  }

  @Override
  public int waiting() {
    return waiting.size();
  }

  @Override
  public void abortAll(OutputDispatcher out) {
    List<Sequence> all = new ArrayList<>(batch);
    all.addAll(waiting);
    batch.clear();
    waiting.clear();
    for (Sequence seq : all) {
      pool.release(seq);
      out.abort(seq);
    }
  }
}
