package dev.pailot.benchmarks;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark 4: 1,000 concurrent streams from one client in a JVM started with {@code -Xmx256m}.
 * Each of 1,000 slots restarts its stream as soon as it ends (from the completion callback, so the
 * driver itself holds no threads). The LocalPai engine runs in another JVM: 20 ms + 20 µs per
 * sequence per step, up to 1,024 sequences, so every stream stays open for seconds. Reports live
 * platform threads (by name prefix), heap used after a full GC, errors and tokens/s.
 *
 * <p>Without an argument the client uses its own executor: platform threads on Java 17 (the
 * launcher's {@code streams}), virtual threads from Java 24 on ({@code streams-25}, on Java 25).
 * With the argument {@code virtual} (Java 21+; the launcher's {@code streams-vt} runs it on Java
 * 25) the client's HTTP calls run on {@code Executors.newVirtualThreadPerTaskExecutor()} passed
 * through {@code InferenceClientBuilder.executor(...)}, and the virtual threads carrying calls are
 * counted by a wrapping executor ({@code ThreadMXBean} counts platform threads only). With {@code
 * nio} (the launcher's {@code streams-nio}, on this Java) the client uses {@code
 * Transport.APACHE_ASYNC} with {@code directListeners}, whose streams hold no thread while they
 * wait.
 */
public final class StreamsBenchmark {
  static final int STREAMS = 1000;

  /**
   * Platform threads the client may add beyond one per running call: OkHttp's TaskRunner pool, the
   * client's timer, virtual-thread carriers (one per core) and a margin.
   */
  static final int FIXED_THREADS = 64;

  private StreamsBenchmark() {}

  /**
   * Entry point.
   *
   * @param args measured seconds
   * @throws Exception if the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    boolean virtual = args.length > 1 && args[1].equals("virtual");
    boolean nio = args.length > 1 && args[1].equals("nio");
    boolean ownVirtual = !virtual && Runtime.version().feature() >= 24;
    BenchReport report =
        new BenchReport(
            nio ? "streams-nio" : virtual ? "streams-vt" : ownVirtual ? "streams-25" : "streams",
            "Benchmark 4: 1,000 concurrent streams under -Xmx256m, Java "
                + Runtime.version().feature()
                + (nio ? ", Transport.APACHE_ASYNC" : "")
                + (virtual
                    ? ", virtual threads passed in"
                    : ownVirtual
                        ? ", the client's own executor (virtual threads)"
                        : ", the client's own executor (platform threads)"),
            List.of("measure", "value"));
    report.note("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    CountingExecutor executor =
        virtual ? new CountingExecutor(CountingExecutor.virtualThreads()) : null;
    report.note(
        "client executor",
        virtual
            ? "executor(Executors.newVirtualThreadPerTaskExecutor()), counted by the benchmark"
            : nio
                ? "the client's own; Apache reactor threads read every stream and call its"
                    + " listener (directListeners); pailot-inference-io threads take each stream's"
                    + " end"
                : ownVirtual
                    ? "the client's own (one pailot-inference-io virtual thread per running call)"
                    : "the client's own (one pailot-inference-io platform thread per running call)");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    report.note("max heap", memory.getHeapMemoryUsage().getMax() / (1 << 20) + " MB (-Xmx)");
    int threadsBefore = threads.getThreadCount();
    try (ServerProcess server = ServerProcess.start("streams");
        InferenceClient client =
            InferenceClient.builder()
                .endpoint(server.endpoint)
                .token(server.token)
                .maxRequests(1024)
                .maxRequestsPerHost(1024)
                .maxIdleConnections(1024)
                .concurrencyLimit(1024)
                .executor(executor)
                .transport(nio ? Transport.APACHE_ASYNC : Transport.OKHTTP)
                .directListeners(nio)
                .build()) {
      ChatRequest request =
          ChatRequest.builder()
              .user(OverheadBenchmark.PROMPT)
              .maxTokens(100)
              .putExtraBody("ignore_eos", true)
              .build();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger inFlight = new AtomicInteger();
      LongAdder tokens = new LongAdder();
      LongAdder completed = new LongAdder();
      Map<String, Integer> errors = new TreeMap<>();
      Runnable[] slot = new Runnable[1];
      slot[0] =
          () -> {
            inFlight.incrementAndGet();
            client.stream(request, d -> {})
                .result()
                .whenComplete(
                    (r, e) -> {
                      inFlight.decrementAndGet();
                      if (e != null) {
                        synchronized (errors) {
                          errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                      } else {
                        tokens.add(r.timings().tokensOut());
                        completed.increment();
                      }
                      if (running.get()) {
                        slot[0].run();
                      }
                    });
          };
      for (int i = 0; i < STREAMS; i++) {
        slot[0].run();
      }
      Thread.sleep(5_000); // ramp-up: every slot has its stream open
      long t0 = System.nanoTime();
      long tokens0 = tokens.sum();
      int minInFlight = Integer.MAX_VALUE;
      long maxHeapAfterGc = 0;
      long maxHeapUsed = 0;
      int maxThreads = 0;
      int maxVirtual = 0;
      Map<String, Integer> byName = Map.of();
      long end = t0 + (long) (seconds * 1e9);
      int sample = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(500);
        minInFlight = Math.min(minInFlight, inFlight.get());
        if (executor != null) {
          maxVirtual = Math.max(maxVirtual, executor.running());
        }
        maxHeapUsed = Math.max(maxHeapUsed, memory.getHeapMemoryUsage().getUsed());
        if (threads.getThreadCount() > maxThreads) {
          maxThreads = threads.getThreadCount();
          byName = threadsByPrefix(threads);
        }
        if (++sample % 6 == 0) {
          System.gc();
          maxHeapAfterGc = Math.max(maxHeapAfterGc, memory.getHeapMemoryUsage().getUsed());
        }
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long streamTokens = tokens.sum() - tokens0;
      running.set(false);
      report.row("streams kept open (min in flight while measuring)", minInFlight);
      report.row("tokens/s", streamTokens / elapsed);
      report.row("streams completed", completed.sum());
      report.row("errors", errors.toString());
      report.row("live platform threads (ThreadMXBean), peak while measuring", maxThreads);
      report.row("live platform threads before the client", threadsBefore);
      report.row("platform threads by name at the peak", byName.toString());
      report.row(
          "virtual threads carrying calls, max of samples",
          executor != null
              ? String.valueOf(maxVirtual)
              : ownVirtual
                  ? "not counted (the client's own; ThreadMXBean sees platform threads only)"
                  : "none (platform threads)");
      report.row(
          "heap used after full GC, max of samples (MB)", maxHeapAfterGc / (double) (1 << 20));
      report.row("heap used, max of samples (MB)", maxHeapUsed / (double) (1 << 20));
      report.row("JVM peak platform thread count", threads.getPeakThreadCount());
      report.verdict(
          "1,000 streams open at once",
          "min " + minInFlight + " in flight",
          minInFlight >= STREAMS);
      report.verdict(
          "heap under 256 MB",
          f(
              "%.0f MB after GC (max %.0f MB before GC) with -Xmx%d MB",
              maxHeapAfterGc / 1048576.0,
              maxHeapUsed / 1048576.0,
              memory.getHeapMemoryUsage().getMax() >> 20),
          maxHeapAfterGc < 256L << 20 && errors.isEmpty());
      int added = maxThreads - threadsBefore;
      report.verdict(
          "platform threads the client added stay under maxRequests (1,024) + "
              + FIXED_THREADS
              + " fixed (OkHttp TaskRunner, timer)",
          f("%d added (%d peak - %d before)", added, maxThreads, threadsBefore),
          added <= 1024 + FIXED_THREADS);
      report.verdict(
          "platform threads independent of the number of streams (at most "
              + FIXED_THREADS
              + " added for "
              + STREAMS
              + " streams)",
          f("%d added, %.2f per open stream", added, added / (double) STREAMS),
          added <= FIXED_THREADS);
    }
    report.write();
  }

  private static Map<String, Integer> threadsByPrefix(ThreadMXBean threads) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        counts.merge(
            info.getThreadName().replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N"),
            1,
            Integer::sum);
      }
    }
    counts.values().removeIf(c -> c < 3);
    return counts;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
