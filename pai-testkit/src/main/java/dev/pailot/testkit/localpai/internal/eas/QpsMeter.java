package dev.pailot.testkit.localpai.internal.eas;

/**
 * Requests per second of one service over the last real second, in ten 100 ms buckets: what the
 * autoscaler compares with its per-instance threshold. Real time, because requests arrive at real
 * rates; only the autoscaler's behaviour windows run on the emulated clock. Guarded by the {@link
 * EasStore} monitor.
 */
final class QpsMeter {
  private static final int BUCKETS = 10;
  private static final long BUCKET_MILLIS = 100;

  private final long[] counts = new long[BUCKETS];
  private final long[] slots = new long[BUCKETS];
  private long lastRequestMillis = Long.MIN_VALUE;

  void record(long nowMillis) {
    long slot = nowMillis / BUCKET_MILLIS;
    int i = (int) (slot % BUCKETS);
    if (slots[i] != slot) {
      slots[i] = slot;
      counts[i] = 0;
    }
    counts[i]++;
    lastRequestMillis = nowMillis;
  }

  double qps(long nowMillis) {
    long current = nowMillis / BUCKET_MILLIS;
    long sum = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (current - slots[i] < BUCKETS) {
        sum += counts[i];
      }
    }
    return sum * 1000.0 / (BUCKETS * BUCKET_MILLIS);
  }

  /** When the last request arrived, {@link Long#MIN_VALUE} if none has. */
  long lastRequestMillis() {
    return lastRequestMillis;
  }
}
