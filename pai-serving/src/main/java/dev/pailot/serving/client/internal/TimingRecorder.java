package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.InterTokenLatency;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one request's timestamps ({@link System#nanoTime()}) and turns them into {@link
 * Timings}. Written by one thread at a time (the caller, then the thread that admitted the request,
 * then the reader); the fields the timeout timer reads are volatile.
 */
final class TimingRecorder {
  private static final long[] BOUNDS = boundsNanos();

  private final long submitted;
  private final int[] buckets;
  private long admitted;
  private volatile long sent;
  private volatile long firstDelta;
  private volatile long lastEvent;
  private long lastDelta;
  private int deltas;
  private long gapSum;
  private long gapMax;

  TimingRecorder(long submittedNanos, boolean histogram) {
    this.submitted = submittedNanos;
    this.buckets = histogram ? new int[BOUNDS.length + 1] : null;
  }

  void admitted(long now) {
    admitted = now;
  }

  void sent(long now) {
    sent = now;
    lastEvent = now;
  }

  void event(long now) {
    lastEvent = now;
  }

  /** A non-empty delta arrived at {@code now}. */
  void delta(long now) {
    lastEvent = now;
    if (deltas++ == 0) {
      firstDelta = now;
    } else {
      long gap = now - lastDelta;
      gapSum += gap;
      gapMax = Math.max(gapMax, gap);
      if (buckets != null) {
        buckets[bucket(gap)]++;
      }
    }
    lastDelta = now;
  }

  long submitted() {
    return submitted;
  }

  long sent() {
    return sent;
  }

  long firstDelta() {
    return firstDelta;
  }

  long lastEvent() {
    return lastEvent;
  }

  int deltas() {
    return deltas;
  }

  /** The latency an adaptive limit learns from: send to first delta, or send to {@code end}. */
  long congestionLatency(long end) {
    long from = sent == 0 ? submitted : sent;
    return (firstDelta != 0 ? firstDelta : end) - from;
  }

  Timings build(long end, Usage usage, RequestInfo info) {
    int tokensOut = usage != null ? usage.completionTokens() : deltas;
    Timings.Builder b =
        Timings.builder()
            .queueWait(nanos((admitted == 0 ? end : admitted) - submitted))
            .endToEnd(nanos(end - submitted))
            .tokensIn(usage != null ? usage.promptTokens() : 0)
            .tokensOut(tokensOut)
            .attempts(info.attempt())
            .endpoint(info.endpoint());
    if (firstDelta != 0) {
      b.timeToFirstToken(nanos(firstDelta - submitted));
      if (tokensOut > 1 && deltas > 1) {
        b.timePerOutputToken(nanos((lastDelta - firstDelta) / (tokensOut - 1)));
      }
    }
    if (deltas > 1) {
      b.interTokenLatency(interToken());
    }
    return b.build();
  }

  private InterTokenLatency interToken() {
    int gaps = deltas - 1;
    List<Integer> counts = new ArrayList<>();
    if (buckets != null) {
      for (int c : buckets) {
        counts.add(c);
      }
    }
    return InterTokenLatency.builder()
        .count(gaps)
        .mean(nanos(gapSum / gaps))
        .max(nanos(gapMax))
        .bucketCounts(counts)
        .build();
  }

  private static int bucket(long gap) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (gap <= BOUNDS[i]) {
        return i;
      }
    }
    return BOUNDS.length;
  }

  private static long[] boundsNanos() {
    List<Duration> bounds = InterTokenLatency.BUCKET_BOUNDS;
    long[] out = new long[bounds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bounds.get(i).toNanos();
    }
    return out;
  }

  private static Duration nanos(long n) {
    return Duration.ofNanos(Math.max(0, n));
  }
}
