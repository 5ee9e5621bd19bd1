package dev.pailot.rag.pipeline.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs stage work on the pipeline's own worker threads under a deadline. The caller waits at most
 * the budget ({@link Future#get(long, TimeUnit)}); past it the task is cancelled with an interrupt
 * and the caller moves on, so a stuck reranker costs its budget, never more. Tasks that ignore the
 * interrupt keep a worker busy until they return; the pool is bounded, and a full pool is reported
 * as a stage problem rather than queued without limit. Thread-safe.
 */
public final class StageRunner implements AutoCloseable {
  private final ThreadPoolExecutor workers;

  /**
   * Creates the runner and its threads ({@code pailot-rag-stage-N}, daemons, created on demand).
   *
   * @param threads worker threads
   * @param queue tasks that may wait for a worker
   */
  public StageRunner(int threads, int queue) {
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(queue),
            named("pailot-rag-stage-"));
    workers.allowCoreThreadTimeOut(true);
  }

  /**
   * A factory of named daemon threads.
   *
   * @param prefix name prefix
   * @return the factory
   */
  public static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Runs {@code work} and waits for it at most {@code budget}.
   *
   * @param work the stage's work
   * @param budget how long to wait
   * @param <T> result type
   * @return the result
   * @throws StageProblem on timeout, failure or a saturated pool
   * @throws CancellationException when the calling thread is interrupted (the request was
   *     cancelled); the task is cancelled too
   */
  public <T> T run(Callable<T> work, Duration budget) {
    Future<T> future;
    try {
      future = workers.submit(work);
    } catch (RejectedExecutionException e) {
      throw StageProblem.failed("the pipeline's stage workers are all busy", e);
    }
    try {
      return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw StageProblem.timedOut(budget);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw StageProblem.failed(describe(cause), cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("RAG request cancelled");
      c.initCause(e);
      throw c;
    }
  }

  /**
   * A short description of a failure for a stage report: its type and message.
   *
   * @param t the failure
   * @return the description
   */
  public static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
