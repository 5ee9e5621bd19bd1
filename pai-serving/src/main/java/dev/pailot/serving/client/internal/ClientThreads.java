package dev.pailot.serving.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's threads: the I/O executor OkHttp's dispatcher runs calls on (each running call holds
 * one thread while it reads its answer, as OkHttp's blocking I/O does), and one timer thread for
 * deadlines and timeouts. All named daemon threads; never the common pool.
 *
 * <p>Unless the caller supplies an executor, calls run on virtual threads from Java {@value
 * #VIRTUAL_FROM} on, so a thousand open streams hold a thousand virtual threads on a few carrier
 * threads instead of a thousand platform threads (issue 6, benchmark 4). Not before: OkHttp 5 still
 * blocks inside {@code synchronized}, which pins a virtual thread's carrier until Java 24 (JEP
 * 491). Before that, or if the virtual-thread API cannot be reached, a cached pool of platform
 * threads.
 */
final class ClientThreads implements AutoCloseable {
  /**
   * The first Java feature release whose virtual threads do not pin inside {@code synchronized}.
   */
  static final int VIRTUAL_FROM = 24;

  private static final Logger LOG = LoggerFactory.getLogger(ClientThreads.class);
  private static final String IO_PREFIX = "pailot-inference-io-";

  private final ExecutorService io;
  private final boolean ownsIo;
  private final ScheduledThreadPoolExecutor timer;

  ClientThreads(ExecutorService supplied) {
    this.ownsIo = supplied == null;
    this.io = ownsIo ? ownIo(Runtime.version().feature()) : supplied;
    this.timer = new ScheduledThreadPoolExecutor(1, named("pailot-inference-timer-"));
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * The executor the client creates for itself on the given Java feature release: virtual threads
   * from {@value #VIRTUAL_FROM} on, else (or when they cannot be created) a cached platform pool.
   */
  static ExecutorService ownIo(int javaFeature) {
    if (javaFeature >= VIRTUAL_FROM) {
      try {
        return virtualThreads();
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("virtual threads unavailable on Java {}; using platform threads", javaFeature, e);
      }
    }
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), named(IO_PREFIX));
  }

  /**
   * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(IO_PREFIX, 1).factory())},
   * looked up by reflection because the module is compiled for Java 17.
   */
  private static ExecutorService virtualThreads() throws ReflectiveOperationException {
    Class<?> builderType = Class.forName("java.lang.Thread$Builder");
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    builder =
        builderType.getMethod("name", String.class, long.class).invoke(builder, IO_PREFIX, 1L);
    ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
    return (ExecutorService)
        Executors.class
            .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
            .invoke(null, factory);
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
