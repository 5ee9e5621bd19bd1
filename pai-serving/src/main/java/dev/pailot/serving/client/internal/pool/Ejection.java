package dev.pailot.serving.client.internal.pool;

import dev.pailot.serving.client.FailoverOptions;

/**
 * One endpoint's outlier-ejection state, as Envoy keeps it: consecutive faults, whether and until
 * when it is ejected, and how many ejections in a row it had (each lasts longer). A server's {@code
 * Retry-After} sets a separate "not before" time. Guarded by the owning {@link PoolEndpoint}'s
 * monitor; times are {@link System#nanoTime()} values.
 */
final class Ejection {
  private int consecutiveFaults;
  private long ejectedUntil;
  private boolean ejected;
  private int streak;
  private long total;
  private long notBefore;
  private boolean backingOff;

  /** Counts a fault; returns whether the endpoint has now reached the ejection threshold. */
  boolean fault(FailoverOptions o) {
    consecutiveFaults++;
    return !ejected && consecutiveFaults >= o.consecutiveFailures();
  }

  void success() {
    consecutiveFaults = 0;
  }

  void eject(FailoverOptions o, long now) {
    // A readmitted endpoint that stayed healthy for the longest ejection time starts afresh.
    if (streak > 0 && now - ejectedUntil > o.maxEjectionTime().toNanos()) {
      streak = 0;
    }
    streak++;
    total++;
    long base = o.baseEjectionTime().toNanos();
    long time = Math.min(o.maxEjectionTime().toNanos(), base * Math.min(streak, 1_000));
    ejected = true;
    ejectedUntil = now + time;
    consecutiveFaults = 0;
  }

  /** Whether it is ejected at {@code now}; readmits it once its time is over. */
  boolean ejected(long now) {
    if (ejected && now - ejectedUntil >= 0) {
      ejected = false;
    }
    return ejected;
  }

  void backOff(long until) {
    notBefore = until;
    backingOff = true;
  }

  boolean backingOff(long now) {
    if (backingOff && now - notBefore >= 0) {
      backingOff = false;
    }
    return backingOff;
  }

  /** Nanoseconds until it takes traffic again (0 if it does now). */
  long remaining(long now) {
    long left = 0;
    if (ejected(now)) {
      left = ejectedUntil - now;
    }
    if (backingOff(now)) {
      left = Math.max(left, notBefore - now);
    }
    return left;
  }

  long total() {
    return total;
  }
}
