package dev.pailot.testkit.localpai.internal.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram with fixed upper bounds. Thread-safe: observed by the engine thread and
 * event loops, read by {@code /metrics}; a scrape may see an observation's bucket before its sum,
 * which Prometheus tolerates.
 */
final class Histogram {
  private final double[] bounds;
  private final AtomicLongArray counts;
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder count = new LongAdder();

  Histogram(double... bounds) {
    this.bounds = bounds.clone();
    this.counts = new AtomicLongArray(bounds.length + 1);
  }

  void observe(double value) {
    int i = 0;
    while (i < bounds.length && value > bounds[i]) {
      i++;
    }
    counts.incrementAndGet(i);
    sum.add(value);
    count.increment();
  }

  double[] bounds() {
    return bounds.clone();
  }

  /** Cumulative counts per bound, the last one for {@code +Inf}. */
  long[] cumulative() {
    long[] out = new long[counts.length()];
    long running = 0;
    for (int i = 0; i < out.length; i++) {
      running += counts.get(i);
      out[i] = running;
    }
    return out;
  }

  double sum() {
    return sum.sum();
  }

  long count() {
    return count.sum();
  }
}
