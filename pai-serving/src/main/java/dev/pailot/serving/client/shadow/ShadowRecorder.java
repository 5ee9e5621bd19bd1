package dev.pailot.serving.client.shadow;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A {@link ShadowListener} that keeps the most recent comparisons, up to a capacity, for a shadow
 * report; older ones are evicted and counted. Thread-safe.
 */
public final class ShadowRecorder implements ShadowListener {
  private final int capacity;
  private final ArrayDeque<ShadowComparison> kept;
  private long recorded;
  private long evicted;

  private ShadowRecorder(int capacity) {
    this.capacity = capacity;
    this.kept = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /**
   * A recorder keeping at most {@code capacity} comparisons.
   *
   * @param capacity comparisons kept, at least 1
   * @return the recorder
   * @throws IllegalArgumentException if {@code capacity} is below 1
   */
  public static ShadowRecorder withCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    return new ShadowRecorder(capacity);
  }

  @Override
  public synchronized void onComparison(ShadowComparison comparison) {
    if (kept.size() == capacity) {
      kept.pollFirst();
      evicted++;
    }
    kept.addLast(comparison);
    recorded++;
  }

  /**
   * The kept comparisons, oldest first.
   *
   * @return a snapshot
   */
  public synchronized List<ShadowComparison> comparisons() {
    return List.copyOf(kept);
  }

  /**
   * Comparisons received since creation, kept or evicted.
   *
   * @return count
   */
  public synchronized long recorded() {
    return recorded;
  }

  /**
   * Comparisons evicted to respect the capacity.
   *
   * @return count
   */
  public synchronized long evicted() {
    return evicted;
  }

  /** Forgets the kept comparisons (the counts stay). */
  public synchronized void clear() {
    kept.clear();
  }
}
