package dev.pailot.testkit.localpai.internal.engine;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drives a {@link BatchScheduler} step by step on the calling thread, without real time or HTTP, so
 * scheduling behaviour can be checked deterministically. Outputs go to {@link Recorder}s that note
 * the step they arrived in.
 */
final class SchedulerDriver {
  final KvBlockPool pool;
  final EngineMetrics metrics = new EngineMetrics("m");
  final EngineStats stats = new EngineStats();
  BatchScheduler scheduler;
  private final OutputDispatcher out = new OutputDispatcher(metrics);
  private final StepPlan plan = new StepPlan();
  private long step;
  private long seqOrder;

  private SchedulerDriver(KvBlockPool pool, BatchScheduler scheduler) {
    this.pool = pool;
    this.scheduler = scheduler;
  }

  static SchedulerDriver continuous(int blocks, int maxSeqs, int tokenBudget) {
    KvBlockPool pool = new KvBlockPool(blocks);
    SchedulerDriver d = new SchedulerDriver(pool, null);
    d.scheduler = new ContinuousScheduler(pool, d.metrics, d.stats, maxSeqs, tokenBudget);
    return d;
  }

  static SchedulerDriver staticBatches(int blocks, int maxSeqs) {
    KvBlockPool pool = new KvBlockPool(blocks);
    return new SchedulerDriver(pool, new StaticScheduler(pool, maxSeqs));
  }

  /** Queues a sequence of {@code prompt} tokens producing exactly {@code tokens} tokens. */
  Recorder add(String name, int prompt, int tokens, int priority) {
    GenerationRequest r =
        new GenerationRequest(
            true,
            name,
            "m",
            name,
            prompt,
            tokens,
            0,
            List.of(),
            1.0,
            OptionalLong.empty(),
            true,
            false,
            priority,
            true);
    Recorder rec = new Recorder(name);
    Sequence seq = new Sequence(r, rec, tokens, name.hashCode());
    seq.order(seqOrder++);
    rec.seq = seq;
    scheduler.add(seq);
    return rec;
  }

  /** Runs one step; {@code false} when there was nothing to do. */
  boolean step() {
    plan.clear();
    scheduler.plan(plan);
    if (plan.isEmpty()) {
      return false;
    }
    step++;
    scheduler.complete(plan, out, System.nanoTime());
    stats.step(scheduler, pool);
    out.flush();
    return true;
  }

  /** Runs until idle; returns the steps run. */
  long drain() {
    long start = step;
    while (step()) {
      if (step - start > 1_000_000) {
        throw new IllegalStateException("scheduler does not finish");
      }
    }
    return step - start;
  }

  /** A sink that records what arrived and in which step. */
  final class Recorder implements SequenceSink {
    final String name;
    final List<Delivery> deliveries = new ArrayList<>();
    Sequence seq;
    long finishedAtStep = -1;

    Recorder(String name) {
      this.name = name;
    }

    @Override
    public EventExecutor executor() {
      return ImmediateEventExecutor.INSTANCE;
    }

    @Override
    public void deliver(Delivery d) {
      deliveries.add(d);
      if (d.finished()) {
        finishedAtStep = step;
      }
    }

    @Override
    public void flush() {}

    String text() {
      StringBuilder sb = new StringBuilder();
      deliveries.forEach(d -> sb.append(d.text()));
      return sb.toString();
    }

    boolean finished() {
      return finishedAtStep >= 0;
    }
  }
}
