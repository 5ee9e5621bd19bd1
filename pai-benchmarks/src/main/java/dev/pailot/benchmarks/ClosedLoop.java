package dev.pailot.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * {@code n} threads calling a blocking operation back to back for a fixed time: calls, failures,
 * units (tokens) and call latency (HdrHistogram). A closed loop on purpose: peers are compared on
 * the same loop, at a fixed concurrency.
 */
final class ClosedLoop {
  /** One blocking call; returns the units it produced (tokens, or 1 for a predict). */
  interface Call {
    long call() throws Exception;
  }

  record Result(
      long calls,
      long failures,
      long units,
      double seconds,
      Recorder latencies,
      String firstError,
      long workerAllocatedBytes) {
    double callsPerSecond() {
      return calls / seconds;
    }

    double unitsPerSecond() {
      return units / seconds;
    }
  }

  private ClosedLoop() {}

  /** Bytes this thread allocated so far (HotSpot counter). */
  static long threadAllocated() {
    return ((com.sun.management.ThreadMXBean)
            java.lang.management.ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  static Result run(int threads, double seconds, Call call) throws InterruptedException {
    LongAdder calls = new LongAdder();
    LongAdder failures = new LongAdder();
    LongAdder units = new LongAdder();
    LongAdder allocated = new LongAdder();
    AtomicLong firstErrorSet = new AtomicLong();
    String[] firstError = {null};
    Recorder latencies = new Recorder(3);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                long a0 = threadAllocated();
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  try {
                    units.add(call.call());
                    latencies.recordValue(System.nanoTime() - t0);
                    calls.increment();
                  } catch (Exception e) {
                    failures.increment();
                    if (firstErrorSet.compareAndSet(0, 1)) {
                      firstError[0] = e.toString();
                    }
                  }
                }
                allocated.add(threadAllocated() - a0);
              },
              "bench-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(
        calls.sum(),
        failures.sum(),
        units.sum(),
        elapsed,
        latencies,
        firstError[0],
        allocated.sum());
  }
}
