package dev.pailot.serving.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's threads: the I/O executor OkHttp's dispatcher runs calls on (each running call holds
 * one thread while it reads its answer, as OkHttp's blocking I/O does), and one timer thread for
 * deadlines and timeouts. All named daemon threads; never the common pool.
 */
final class ClientThreads implements AutoCloseable {
  private final ExecutorService io;
  private final boolean ownsIo;
  private final ScheduledThreadPoolExecutor timer;

  ClientThreads(ExecutorService supplied) {
    this.ownsIo = supplied == null;
    this.io =
        ownsIo
            ? new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                named("pailot-inference-io-"))
            : supplied;
    this.timer = new ScheduledThreadPoolExecutor(1, named("pailot-inference-timer-"));
    timer.setRemoveOnCancelPolicy(true);
  }

  ExecutorService io() {
    return io;
  }

  ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops the timer and, if the client owns it, the I/O executor; running tasks may finish. */
  @Override
  public void close() {
    timer.shutdownNow();
    if (ownsIo) {
      io.shutdown();
    }
  }
}
