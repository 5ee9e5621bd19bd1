package dev.pailot.serving.client.internal.pool;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import dev.pailot.serving.client.RetryOptions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's Failsafe {@link RetryPolicy}, built once: it retries {@link AttemptResult#retryable}
 * failures up to {@link RetryOptions#maxAttempts()} with exponential backoff and jitter. A server's
 * {@code Retry-After} (capped at {@link RetryOptions#maxRetryAfter()}) lengthens the wait only when
 * no endpoint of the pool could take the retry now; otherwise the retry fails over at once after
 * the backoff. Each request runs a standalone Failsafe {@link Execution} of it: the request records
 * each failed attempt, and Failsafe says whether and after which delay to try again. Only failures
 * from before the first token are ever recorded, so the policy never sees a stream that already
 * delivered output. Thread-safe.
 */
public final class RetryPlan {
  private final RetryOptions options;
  private final EndpointPool pool;
  private final RetryPolicy<Object> policy;

  /**
   * Builds the policy.
   *
   * @param options retry options
   * @param pool the pool, asked whether another endpoint could take a retry now
   */
  public RetryPlan(RetryOptions options, EndpointPool pool) {
    this.options = options;
    this.pool = pool;
    // One delay function instead of withBackoff/withJitter: Failsafe applies its jitter to
    // computed delays too, which could cut a Retry-After wait below the server's hint.
    this.policy =
        RetryPolicy.builder()
            .handleIf((result, failure) -> failure != null && AttemptResult.retryable(failure))
            .withMaxAttempts(options.maxAttempts())
            .withDelayFn(ctx -> delay(ctx.getAttemptCount()))
            .build();
  }

  /**
   * A new execution for one request.
   *
   * @return the execution; record each failed attempt in it
   */
  public Execution<Object> start() {
    return Execution.of(policy);
  }

  /**
   * The server's wait hint as the pool keeps it: capped at {@link RetryOptions#maxRetryAfter()}.
   *
   * @param failure an attempt's failure
   * @return the capped hint, or {@code null}
   */
  public Duration cappedRetryAfter(Throwable failure) {
    Duration hint = AttemptResult.retryAfter(failure);
    return hint == null ? null : min(hint, options.maxRetryAfter());
  }

  private Duration delay(int failedAttempts) {
    Duration backoff = jittered(exponential(failedAttempts));
    if (pool.anyUsable()) {
      return backoff;
    }
    // Nowhere to fail over to: wait until the first endpoint takes traffic again. A Retry-After
    // hint (capped) set the answering endpoint's back-off time before this runs.
    Duration wait = pool.untilUsable();
    return wait.compareTo(backoff) > 0 ? wait : backoff;
  }

  private Duration exponential(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    return min(options.baseDelay().multipliedBy(1L << doublings), options.maxDelay());
  }

  private Duration jittered(Duration delay) {
    if (options.jitter() == 0) {
      return delay;
    }
    double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * options.jitter();
    return min(Duration.ofNanos((long) (delay.toNanos() * factor)), options.maxDelay());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
