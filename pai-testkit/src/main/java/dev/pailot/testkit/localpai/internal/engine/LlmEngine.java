package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.EngineProfile;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated GPU worker of one replica: a dedicated daemon thread that runs scheduler steps in
 * real time. Each step it applies arrivals and aborts, asks the {@link BatchScheduler} for work,
 * waits out the step's cost, then samples tokens and hands them to the {@link OutputDispatcher}. It
 * sleeps while there is nothing to do. {@link #submit} and {@link #abort} are thread-safe and never
 * block, so event loops may call them.
 */
final class LlmEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LlmEngine.class);
  private static final long OUTPUT_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

  /** Steps of output that may wait for busy event loops before the engine waits for them. */
  private static final int MAX_STEPS_AHEAD = 16;

  private final EngineProfile profile;
  private final KvBlockPool pool;
  private final EngineMetrics metrics;
  private final BatchScheduler scheduler;
  private final OutputDispatcher output;
  private final Queue<Sequence> arrivals = new ConcurrentLinkedQueue<>();
  private final Queue<Sequence> aborts = new ConcurrentLinkedQueue<>();
  private final StepPlan plan = new StepPlan();
  private final Thread thread;
  private final EngineStats stats = new EngineStats();
  private long arrivalOrder;
  private int stepsAhead;
  private volatile boolean closed;

  LlmEngine(EngineConfig config, EngineMetrics metrics, String threadName) {
    this.profile = config.profile();
    this.pool = new KvBlockPool(config.kvBlocks());
    this.metrics = metrics;
    this.output = new OutputDispatcher(metrics);
    this.scheduler =
        profile.batching() == EngineProfile.Batching.STATIC
            ? new StaticScheduler(pool, profile.maxNumSeqs())
            : new ContinuousScheduler(
                pool, metrics, stats, profile.maxNumSeqs(), profile.maxNumBatchedTokens());
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a sequence; after {@link #close()} it ends at once as aborted. Thread-safe. */
  void submit(Sequence seq) {
    arrivals.add(seq);
    LockSupport.unpark(thread);
    // The engine thread drains arrivals once more when it stops; whoever removes it answers it.
    if (closed && arrivals.remove(seq)) {
      SequenceSink sink = seq.sink();
      Delivery aborted =
          new Delivery(sink, "", "abort", seq.request().promptTokens(), seq.generated());
      sink.executor().execute(() -> sink.deliver(aborted));
    }
  }

  /** Aborts a sequence (client gone); its blocks are freed at the next step. Thread-safe. */
  void abort(Sequence seq) {
    seq.abort();
    aborts.add(seq);
    LockSupport.unpark(thread);
  }

  /** Live counters for tests and benchmarks. */
  EngineStats stats() {
    return stats;
  }

  private void run() {
    try {
      while (!closed) {
        intake();
        plan.clear();
        scheduler.plan(plan);
        publishGauges();
        if (plan.isEmpty()) {
          drainOutput();
          // drainOutput's timed parks may have swallowed a submit's unpark: look before sleeping.
          if (arrivals.isEmpty() && aborts.isEmpty()) {
            LockSupport.park(this);
          }
          continue;
        }
        step();
      }
      intake();
      scheduler.abortAll(output);
      output.flush();
    } catch (RuntimeException | Error e) {
      LOG.error("LocalPai engine thread {} died", thread.getName(), e);
      throw e;
    }
  }

  private void step() {
    sleepUntil(System.nanoTime() + plan.nanos(profile));
    scheduler.complete(plan, output, System.nanoTime());
    stats.step(scheduler, pool);
    // A fast engine may run a few steps ahead of slow sockets, never an unbounded number.
    if (output.hasPending() && ++stepsAhead >= MAX_STEPS_AHEAD) {
      drainOutput();
    }
    flushIfIdle();
  }

  private void flushIfIdle() {
    if (output.idle()) {
      output.flushIfIdle();
      stepsAhead = 0;
    }
  }

  /** Waits until the event loops have taken all output. */
  private void drainOutput() {
    while (output.hasPending() && !closed) {
      flushIfIdle();
      if (output.hasPending()) {
        LockSupport.parkNanos(OUTPUT_WAIT_NANOS);
      }
    }
  }

  /** Waits out a step, handing over held-back output as soon as the event loops are free. */
  private void sleepUntil(long deadline) {
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      flushIfIdle();
      LockSupport.parkNanos(output.hasPending() ? Math.min(left, OUTPUT_WAIT_NANOS) : left);
    }
  }

  private void intake() {
    for (Sequence seq; (seq = aborts.poll()) != null; ) {
      scheduler.remove(seq);
    }
    for (Sequence seq; (seq = arrivals.poll()) != null; ) {
      if (seq.aborted()) {
        continue;
      }
      seq.order(arrivalOrder++);
      scheduler.add(seq);
    }
  }

  private void publishGauges() {
    metrics.gauges(scheduler.running(), scheduler.waiting(), pool.usage());
    stats.gauges(scheduler, pool);
  }

  /** Stops the thread; queued and running sequences end with finish reason {@code abort}. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}
