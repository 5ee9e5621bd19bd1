package dev.pailot.testkit.localpai.internal.dlc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the DLC emulation on one daemon thread ({@code localpai-dlc}), never on Netty's event loop:
 * every tick it advances all jobs to the present under the store lock, lets the scheduler admit
 * queued jobs, then runs the storage I/O the training scripts wait for outside the lock, and
 * repeats until no job waits for I/O. One thread means ticks never overlap and checkpoint I/O
 * happens in job order.
 */
final class JobSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobSimulator.class);
  private static final int MAX_ROUNDS = 100_000;

  private final DlcContext context;
  private final JobStore store;
  private final JobLifecycle lifecycle;
  private final GangScheduler scheduler;
  private final TrainingLoop training;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();

  JobSimulator(DlcContext context, JobStore store, DlcFaultPlan faults) {
    this.context = context;
    this.store = store;
    this.training = new TrainingLoop(context, faults);
    this.lifecycle = new JobLifecycle(context, training);
    this.scheduler = new GangScheduler(context, store);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "localpai-dlc");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts ticking every fifth of an emulated minute, but at least every 50 ms, at most 2 ms. */
  void start() {
    long micros = Math.max(2_000, Math.min(50_000, context.minute().toNanos() / 5_000));
    thread.scheduleWithFixedDelay(this::tick, 0, micros, TimeUnit.MICROSECONDS);
  }

  /** Asks for a tick soon (after a create or stop), without waiting for it. */
  void wake() {
    if (wakeQueued.compareAndSet(false, true)) {
      try {
        thread.execute(
            () -> {
              wakeQueued.set(false);
              tick();
            });
      } catch (RejectedExecutionException closed) {
        wakeQueued.set(false);
      }
    }
  }

  /** One tick: advance, admit, run I/O, until the jobs settle at the present. */
  void tick() {
    try {
      Instant now = context.now();
      for (int round = 0; round < MAX_ROUNDS; round++) {
        Map<DlcJob, StorageTask> io = store.locked(() -> advanceAll(now));
        if (io.isEmpty()) {
          return;
        }
        List<Map.Entry<DlcJob, StorageTask.Result>> results = new ArrayList<>();
        io.forEach(
            (job, task) ->
                results.add(Map.entry(job, task.run(context.options(), context.storage()))));
        store.locked(
            () ->
                results.forEach(
                    r -> training.complete(r.getKey(), io.get(r.getKey()), r.getValue())));
      }
      LOG.warn("LocalPai DLC simulation did not settle in {} rounds", MAX_ROUNDS);
    } catch (RuntimeException e) {
      // A bug must not stop the ticking thread: later ticks still serve the other jobs.
      LOG.warn("LocalPai DLC simulation tick failed", e);
    }
  }

  /** Advances every job and admits queued ones until nothing changes; returns the I/O due. */
  private Map<DlcJob, StorageTask> advanceAll(Instant now) {
    List<DlcJob> jobs = store.active();
    boolean changed = true;
    for (int i = 0; changed && i < MAX_ROUNDS; i++) {
      changed = false;
      for (DlcJob job : jobs) {
        changed |= lifecycle.advance(job, now);
      }
      changed |= scheduler.admit(jobs, now, store.lastRelease());
    }
    Map<DlcJob, StorageTask> io = new LinkedHashMap<>();
    for (DlcJob job : jobs) {
      training.pendingTask(job).ifPresent(task -> io.put(job, task));
    }
    return io;
  }

  /** Stops the thread; a tick in progress finishes first, so no checkpoint is cut short. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("LocalPai DLC simulation thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
