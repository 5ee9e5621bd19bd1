package dev.pailot.benchmarks;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the executor the client runs its HTTP calls on and counts the tasks running on it. With a
 * virtual-thread-per-task executor each running task is one virtual thread, which {@code
 * ThreadMXBean} does not count (it sees platform threads only), so this count is how the benchmark
 * reports virtual threads.
 */
final class CountingExecutor extends AbstractExecutorService {
  private final ExecutorService delegate;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  CountingExecutor(ExecutorService delegate) {
    this.delegate = delegate;
  }

  /**
   * A virtual-thread-per-task executor, looked up by reflection so this module still compiles for
   * Java 17.
   *
   * @throws IllegalStateException below Java 21
   */
  static ExecutorService virtualThreads() {
    try {
      return (ExecutorService)
          java.util.concurrent.Executors.class
              .getMethod("newVirtualThreadPerTaskExecutor")
              .invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "virtual threads need Java 21+, this is " + System.getProperty("java.version"), e);
    }
  }

  int running() {
    return running.get();
  }

  int peak() {
    return peak.get();
  }

  @Override
  public void execute(Runnable task) {
    delegate.execute(
        () -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            task.run();
          } finally {
            running.decrementAndGet();
          }
        });
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }
}
