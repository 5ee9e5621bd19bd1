package dev.pailot.core.waiter;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a resource until it reaches a desired state, with exponential backoff, a deadline, a
 * progress callback, and a fast failure when it reaches a state it cannot leave (e.g. {@code
 * Failed} while waiting for {@code Running}). Polling runs on Failsafe, like every retry in Pailot.
 *
 * <pre>{@code
 * Vpc vpc = Waiter.<Vpc>builder("vpc " + id + " Available")
 *     .poll(() -> describe(id))
 *     .state(Vpc::status)
 *     .until(v -> v.status().equals("Available"))
 *     .failWhen(v -> v.status().equals("Failed"))
 *     .timeout(Duration.ofMinutes(5))
 *     .build()
 *     .await();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built; each {@link #await()} polls afresh.
 *
 * @param <T> the polled resource type
 */
public final class Waiter<T> {
  private final Builder<T> b;

  private Waiter(Builder<T> b) {
    this.b = b.copy();
  }

  /**
   * A new builder.
   *
   * @param description what is waited for, used in progress and error messages, e.g. {@code vpc
   *     vpc-123 Available}
   * @param <T> resource type
   * @return builder
   */
  public static <T> Builder<T> builder(String description) {
    return new Builder<>(description);
  }

  /**
   * Polls on the calling thread until done.
   *
   * @return the resource in its desired state
   * @throws WaiterTimeoutException when the deadline passes first
   * @throws WaiterUnrecoverableStateException when the resource reaches a failure state
   * @throws PaiException when a poll fails with an error that is not tolerated
   */
  public T await() {
    AtomicReference<T> last = new AtomicReference<>();
    long start = System.nanoTime();
    int[] polls = {0};
    T result;
    try {
      result =
          Failsafe.with(policy(last, start, polls))
              .get(
                  () -> {
                    polls[0]++;
                    T t = b.poll.get();
                    last.set(t);
                    return t;
                  });
    } catch (FailsafeException e) {
      throw new PaiException(
          "Waiting for " + b.description + " was interrupted", null, e.getCause());
    } catch (RuntimeException e) {
      if (isTolerated(e)) {
        throw new WaiterTimeoutException(
            "Timed out after "
                + elapsed(start).toSeconds()
                + " s and "
                + polls[0]
                + " polls waiting for "
                + b.description
                + "; the last poll failed with "
                + e.getClass().getSimpleName()
                + ". Raise the timeout or check that the resource exists.");
      }
      throw e;
    }
    if (result != null && b.failure.test(result)) {
      throw new WaiterUnrecoverableStateException(
          "Gave up waiting for "
              + b.description
              + ": it reached state "
              + b.state.apply(result)
              + ", which it cannot leave.",
          null,
          null);
    }
    if (result == null || !b.success.test(result)) {
      String seen = result == null ? "none" : b.state.apply(result);
      throw new WaiterTimeoutException(
          "Timed out after "
              + elapsed(start).toSeconds()
              + " s and "
              + polls[0]
              + " polls waiting for "
              + b.description
              + "; last state "
              + seen
              + ". Raise the timeout or check the resource's events.");
    }
    emit(result, start, polls[0], true);
    return result;
  }

  /**
   * Polls on the given executor.
   *
   * @param executor where polling runs; the SDK never uses the common pool
   * @return a future of the resource in its desired state; cancelling it stops polling
   */
  public CompletableFuture<T> awaitAsync(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<Thread> runner = new AtomicReference<>();
    executor.execute(() -> pollInto(result, runner));
    // CompletableFuture.cancel does not reach a running task: interrupt the polling thread, which
    // ends Failsafe's sleep between polls.
    result.whenComplete(
        (value, failure) -> {
          Thread t = runner.get();
          if (result.isCancelled() && t != null) {
            t.interrupt();
          }
        });
    return result;
  }

  private void pollInto(CompletableFuture<T> result, AtomicReference<Thread> runner) {
    runner.set(Thread.currentThread());
    try {
      if (!result.isDone()) {
        result.complete(await());
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    } finally {
      runner.set(null);
      // Do not leak a cancellation's interrupt into the executor's next task.
      Thread.interrupted();
    }
  }

  private RetryPolicy<T> policy(AtomicReference<T> last, long start, int[] polls) {
    RetryPolicyBuilder<T> p =
        RetryPolicy.<T>builder()
            .handleResultIf(t -> t == null || !b.success.test(t))
            .abortOn(e -> !isTolerated(e))
            .abortIf((t, e) -> t != null && b.failure.test(t))
            .withMaxAttempts(-1)
            .withMaxDuration(b.timeout)
            .onRetryScheduled(e -> emit(last.get(), start, polls[0], false));
    if (b.maxDelay.compareTo(b.minDelay) > 0) {
      p.withBackoff(b.minDelay, b.maxDelay, 1.5);
    } else {
      p.withDelay(b.minDelay);
    }
    return p.build();
  }

  private boolean isTolerated(Throwable e) {
    for (Class<? extends Throwable> c : b.tolerated) {
      if (c.isInstance(e)) {
        return true;
      }
    }
    return false;
  }

  private void emit(T t, long start, int polls, boolean done) {
    if (b.onPoll != null) {
      String state = t == null ? "unknown" : b.state.apply(t);
      b.onPoll.accept(new WaiterPoll(b.description, state, polls, elapsed(start), done));
    }
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Builds a {@link Waiter}. Not thread-safe.
   *
   * @param <T> resource type
   */
  public static final class Builder<T> {
    private final String description;
    private Supplier<T> poll;
    private Function<T, String> state = String::valueOf;
    private Predicate<T> success;
    private Predicate<T> failure = t -> false;
    private Duration minDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(15);
    private Duration timeout = Duration.ofMinutes(10);
    private final List<Class<? extends Throwable>> tolerated = new ArrayList<>();
    private Consumer<WaiterPoll> onPoll;

    private Builder(String description) {
      this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * How to fetch the resource once. Required.
     *
     * @param poll fetches the current state
     * @return this builder
     */
    public Builder<T> poll(Supplier<T> poll) {
      this.poll = Objects.requireNonNull(poll, "poll");
      return this;
    }

    /**
     * How to describe the resource's state in messages. Default {@code toString}.
     *
     * @param state state extractor
     * @return this builder
     */
    public Builder<T> state(Function<T, String> state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * The desired state. Required.
     *
     * @param success acceptor
     * @return this builder
     */
    public Builder<T> until(Predicate<T> success) {
      this.success = Objects.requireNonNull(success, "success");
      return this;
    }

    /**
     * States that can never lead to the desired one; waiting stops at once.
     *
     * @param failure acceptor
     * @return this builder
     */
    public Builder<T> failWhen(Predicate<T> failure) {
      this.failure = Objects.requireNonNull(failure, "failure");
      return this;
    }

    /**
     * Poll delays: the first is {@code min}, growing by 1.5x up to {@code max}. Default 1 s to 15
     * s.
     *
     * @param min first delay
     * @param max largest delay
     * @return this builder
     */
    public Builder<T> delays(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("delays: need 0 <= min <= max");
      }
      this.minDelay = min;
      this.maxDelay = max;
      return this;
    }

    /**
     * Deadline for the whole wait. Default 10 minutes.
     *
     * @param timeout deadline
     * @return this builder
     */
    public Builder<T> timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Keeps polling when a poll throws this exception type, e.g. {@code ResourceNotFoundException}
     * right after a create (eventual consistency).
     *
     * @param type tolerated exception type
     * @return this builder
     */
    public Builder<T> tolerate(Class<? extends Throwable> type) {
      tolerated.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Called after every poll that did not finish the wait, and once on success.
     *
     * @param onPoll progress callback; must be fast and must not throw
     * @return this builder
     */
    public Builder<T> onPoll(Consumer<WaiterPoll> onPoll) {
      this.onPoll = onPoll;
      return this;
    }

    private Builder<T> copy() {
      Builder<T> c = new Builder<>(description);
      c.poll = poll;
      c.state = state;
      c.success = success;
      c.failure = failure;
      c.minDelay = minDelay;
      c.maxDelay = maxDelay;
      c.timeout = timeout;
      c.tolerated.addAll(tolerated);
      c.onPoll = onPoll;
      return c;
    }

    /**
     * Builds the waiter.
     *
     * @return the waiter
     */
    public Waiter<T> build() {
      Objects.requireNonNull(poll, "poll must be set");
      Objects.requireNonNull(success, "until must be set");
      return new Waiter<>(this);
    }
  }
}
