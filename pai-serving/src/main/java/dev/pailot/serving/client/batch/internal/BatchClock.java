package dev.pailot.serving.client.batch.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time for a batch engine: the monotonic clock and a one-shot timer. The real one runs on one named
 * daemon thread per batcher; tests drive a manual one, so "never longer than maxWait" is checked
 * without measuring time.
 */
public interface BatchClock extends AutoCloseable {
  /**
   * Now, on the {@link System#nanoTime()} scale.
   *
   * @return nanoseconds
   */
  long nanoTime();

  /**
   * Runs a task once after a delay.
   *
   * @param task the task
   * @param delayNanos the delay
   * @return a handle that cancels it
   */
  Future<?> schedule(Runnable task, long delayNanos);

  /** Stops the timer; scheduled tasks no longer run. */
  @Override
  void close();

  /**
   * The real clock, with its own daemon timer thread named {@code pailot-batcher-N}.
   *
   * @return the clock
   */
  static BatchClock system() {
    return new SystemClock();
  }

  /** {@link System#nanoTime()} and a one-thread scheduled executor. */
  final class SystemClock implements BatchClock {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ScheduledExecutorService timer;

    SystemClock() {
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread thread = new Thread(r, "pailot-batcher-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      t.setRemoveOnCancelPolicy(true);
      this.timer = t;
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Future<?> schedule(Runnable task, long delayNanos) {
      return timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
