package dev.pailot.testkit.localpai.internal.eas;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.IntBinaryOperator;

/**
 * The autoscaler's recent replica recommendations of one service, for stabilization windows: scale
 * out to the lowest recommendation of the scale-up window, scale in to the highest of the
 * scale-down window (as Kubernetes' HPA does, which EAS's autoscaler follows). Guarded by the
 * {@link EasStore} monitor.
 */
final class ScalingHistory {
  private final Deque<Entry> entries = new ArrayDeque<>();
  private Instant start = Instant.EPOCH;

  private record Entry(Instant at, int replicas) {}

  /** When the history was last reset (the autoscaler was configured or woke up). */
  Instant start() {
    return start;
  }

  /** Forgets the past and starts from {@code replicas}: a new autoscaler must wait its windows. */
  void reset(Instant now, int replicas) {
    start = now;
    entries.clear();
    entries.addLast(new Entry(now, replicas));
  }

  void record(Instant now, int replicas, Instant forgetBefore) {
    entries.addLast(new Entry(now, replicas));
    // Keep the newest entry before the cut-off: it still held at the start of the window.
    while (entries.size() > 1) {
      Iterator<Entry> it = entries.iterator();
      it.next();
      if (it.next().at.isAfter(forgetBefore)) {
        return;
      }
      entries.removeFirst();
    }
  }

  /** The lowest recommendation that held during the window since {@code since}. */
  int lowestSince(Instant since) {
    return fold(since, Math::min, Integer.MAX_VALUE);
  }

  /** The highest recommendation that held during the window since {@code since}. */
  int highestSince(Instant since) {
    return fold(since, Math::max, 0);
  }

  private int fold(Instant since, IntBinaryOperator op, int identity) {
    int out = identity;
    Entry previous = null;
    for (Entry e : entries) {
      if (e.at.isAfter(since) && previous != null) {
        out = op.applyAsInt(out, previous.replicas);
      }
      previous = e;
    }
    // The last entry holds now; an entry before the window counts only if it still held then.
    return previous == null ? identity : op.applyAsInt(out, previous.replicas);
  }
}
