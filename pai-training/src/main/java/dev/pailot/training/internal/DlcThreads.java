package dev.pailot.training.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads a {@code DlcClient} works on: an executor for async calls and waits, and a scheduler
 * for log following. Each is either passed by the caller (then the caller shuts it down) or owned:
 * named daemon threads, created on first use, ended by {@link #close()}. Never the common pool.
 * Thread-safe.
 */
public final class DlcThreads implements AutoCloseable {
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;

  /**
   * Creates the threads.
   *
   * @param executor the caller's executor for async work, or {@code null} to own one
   * @param scheduler the caller's scheduler for log following, or {@code null} to own one
   */
  public DlcThreads(Executor executor, ScheduledExecutorService scheduler) {
    if (executor == null) {
      this.ownedExecutor =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              60,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              named("pailot-dlc-async-"));
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = executor;
    }
    this.ownsScheduler = scheduler == null;
    if (ownsScheduler) {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, named("pailot-dlc-logs-"));
      s.setRemoveOnCancelPolicy(true);
      s.setKeepAliveTime(60, TimeUnit.SECONDS);
      s.allowCoreThreadTimeOut(true);
      this.scheduler = s;
    } else {
      this.scheduler = scheduler;
    }
  }

  /**
   * The scheduler for log following.
   *
   * @return scheduler
   */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /**
   * Runs work on the executor. Cancelling the returned future interrupts the work, which stops a
   * waiter's polling.
   *
   * @param work the work
   * @param <T> result type
   * @return its future
   */
  public <T> CompletableFuture<T> supply(Supplier<T> work) {
    InterruptingFuture<T> result = new InterruptingFuture<>();
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            null);
    result.task = task;
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Shuts down the owned executor and scheduler; the caller's are left alone. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A future whose cancellation reaches the running task. */
  private static final class InterruptingFuture<T> extends CompletableFuture<T> {
    private volatile Future<?> task;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Future<?> t = task;
      if (t != null) {
        t.cancel(true);
      }
      return cancelled;
    }
  }
}
