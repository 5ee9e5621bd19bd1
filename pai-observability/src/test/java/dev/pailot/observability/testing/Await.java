package dev.pailot.observability.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits in tests. The limit is a generous guard against a hang (a hang fails the test instead of
 * blocking the build); no test asserts on elapsed time.
 */
public final class Await {
  /** The guard. */
  public static final long GUARD_SECONDS = 60;

  private Await() {}

  /** Polls every 10 ms until the condition holds, failing after the guard. */
  public static void until(BooleanSupplier condition, String what) {
    until(condition, what, GUARD_SECONDS);
  }

  /** Polls every 10 ms until the condition holds, failing after {@code seconds}. */
  public static void until(BooleanSupplier condition, String what, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
