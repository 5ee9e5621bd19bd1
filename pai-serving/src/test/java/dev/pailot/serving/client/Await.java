package dev.pailot.serving.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits in tests. The limits are generous guards against a hang (a hang fails the test instead of
 * blocking the build); no test asserts on elapsed time.
 */
final class Await {
  static final long GUARD_SECONDS = 60;

  private Await() {}

  static <T> T result(CompletableFuture<T> future) {
    try {
      return future.get(GUARD_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected a result, got " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no result: " + e, e);
    }
  }

  static Throwable failure(CompletableFuture<?> future) {
    try {
      Object value = future.get(GUARD_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no outcome: " + e, e);
    }
  }

  static void latch(CountDownLatch latch, String what) {
    try {
      if (!latch.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("gave up waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls until the condition holds. */
  static void until(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
