package dev.pailot.serving.client.internal;

import dev.failsafe.Execution;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.InferenceTimeoutException;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import dev.pailot.serving.client.internal.admission.AdmissionController.Outcome;
import dev.pailot.serving.client.internal.admission.AdmissionController.Permit;
import dev.pailot.serving.client.internal.admission.AdmissionDenial;
import dev.pailot.serving.client.internal.pool.AttemptResult;
import dev.pailot.serving.client.internal.pool.PoolEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's life: admission, one or more HTTP attempts on the pool's endpoints, timeouts, and
 * exactly one ending (success, failure or cancellation), after which the permit is released,
 * metrics are recorded and the future is completed. Subclasses send an attempt and read its answer,
 * reporting failures through {@link #attemptFailed}: a failure from before anything reached the
 * caller goes to the request's Failsafe execution, which decides whether and when to try again
 * (another endpoint when one is usable, never past the deadline); any other failure ends the
 * request. Thread-safe: endings race through one atomic flag, and whoever wins does the
 * bookkeeping.
 *
 * @param <T> the result type
 */
abstract class Exchange<T> {
  final ClientCore core;
  final TimingRecorder timing;
  private final RequestInfo baseInfo;
  volatile RequestInfo info;
  final CompletableFuture<T> future;
  private final InferenceRequest request;
  private final Deadline deadline;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private final AtomicReference<Permit> permit = new AtomicReference<>();
  private volatile CompletableFuture<Permit> admission;
  private volatile ScheduledFuture<?> watchdog;
  private final AtomicReference<FarCheck> far = new AtomicReference<>();
  private volatile ScheduledFuture<?> retryTimer;
  private volatile Attempt current;
  private final List<PoolEndpoint> tried = new ArrayList<>(2); // guarded by this
  private Execution<Object> retries; // guarded by this

  Exchange(
      ClientCore core, RequestInfo info, InferenceRequest request, CompletableFuture<T> future) {
    long now = System.nanoTime();
    this.core = core;
    this.baseInfo = info;
    this.info = info;
    this.request = request;
    this.future = future;
    this.timing = new TimingRecorder(now, core.settings().interTokenHistogram());
    this.deadline = Deadline.of(now, request.deadline(), core.settings().totalTimeout());
    future.whenComplete(
        (v, e) -> {
          if (future.isCancelled()) {
            cancelled();
          }
        });
  }

  /**
   * Sends one attempt's HTTP call to {@code attempt.endpoint}; runs once the request is admitted,
   * and again for each retry. Report its failures with {@link #attemptFailed}.
   */
  abstract void send(Attempt attempt);

  /** Forgets what an abandoned attempt left behind, before the next one is sent. */
  void resetForRetry() {}

  /** Usage known so far, for the timings of a failed request. */
  Usage usageSoFar() {
    return null;
  }

  /**
   * Checks the stream's own timeouts for attempt {@code a} at {@code now}: fails the attempt and
   * returns {@code Long.MIN_VALUE}, or returns when to check next ({@code Long.MAX_VALUE}: never).
   */
  long checkStream(Attempt a, long now) {
    return Long.MAX_VALUE;
  }

  /** Tells the consumer about success; runs before the future completes. */
  void notifySuccess(T value) {}

  /** Tells the consumer about a failure; runs before the future completes. */
  void notifyFailure(Throwable error) {}

  final void start() {
    core.track(this);
    if (terminated.get()) {
      // Cancelled before it started (a Flow subscriber that cancelled at once).
      core.untrack(this);
      return;
    }
    CompletableFuture<Permit> a =
        core.admission().acquire(request.priorityClass(), deadline.endNanos());
    admission = a;
    a.whenComplete(this::admitted);
  }

  private void admitted(Permit p, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      if (cause instanceof AdmissionDenial denial) {
        denied(denial);
      } else if (!(cause instanceof CancellationException)) {
        fail(cause);
      }
      return;
    }
    permit.set(p);
    if (terminated.get()) {
      releasePermit(Outcome.IGNORED, 0);
      return;
    }
    timing.admitted(System.nanoTime());
    nextAttempt();
  }

  /** Chooses an endpoint and sends an attempt to it; goes to the retry logic if none is usable. */
  private void nextAttempt() {
    if (terminated.get()) {
      return;
    }
    Attempt a;
    Throwable none = null;
    synchronized (this) {
      PoolEndpoint endpoint = core.pool().choose(tried);
      int number = current == null ? 1 : current.number + 1;
      if (endpoint == null) {
        info = baseInfo.at(info.endpoint(), number - 1);
        none = core.errors().noEndpoint(info, core.pool().whyNoneUsable(), core.pool());
        a = null;
      } else {
        tried.add(endpoint);
        a = new Attempt(endpoint, number);
        current = a;
        info = baseInfo.at(endpoint.address().display(), number);
      }
    }
    if (a == null) {
      retryOrFail(none);
      return;
    }
    if (terminated.get()) {
      // Ended while the endpoint was chosen: give it back unused.
      endAttempt(a, new CancellationException());
      return;
    }
    try {
      send(a);
    } catch (RuntimeException e) {
      attemptFailed(a, e);
    }
  }

  /** Whether {@code a} is the request's live attempt: callbacks of abandoned ones are ignored. */
  final boolean live(Attempt a) {
    return a == current && !a.ended() && !terminated.get();
  }

  /**
   * An attempt failed. If nothing reached the caller yet, the request's Failsafe execution decides
   * whether to retry; otherwise (or if {@code a} is committed) the request fails with {@code
   * error}. Calls for abandoned attempts are ignored.
   */
  final void attemptFailed(Attempt a, Throwable error) {
    if (a != current || terminated.get()) {
      return;
    }
    if (!a.endUncommitted()) {
      if (a.committed()) {
        // Output reached the caller: surface the failure, never retry.
        fail(error);
      }
      return; // already ended: the failure of a call cancelled for a retry
    }
    a.cancelHttp();
    releaseEndpoint(a, error);
    retryOrFail(error);
  }

  /** Records a failure from before the first token; schedules the next attempt or fails. */
  private void retryOrFail(Throwable error) {
    long delay;
    synchronized (this) {
      if (retries == null) {
        retries = core.retries().start();
      }
      retries.recordException(error);
      delay = retries.getDelay().toNanos();
      if (retries.isComplete() || System.nanoTime() + delay - deadline.endNanos() >= 0) {
        delay = -1; // not retryable, out of attempts, or the wait would end after the deadline
      }
    }
    if (delay < 0) {
      fail(error);
      return;
    }
    ScheduledFuture<?> w = watchdog;
    if (w != null) {
      w.cancel(false);
    }
    resetForRetry();
    retryTimer = core.timer().schedule(this::nextAttempt, delay, TimeUnit.NANOSECONDS);
    if (terminated.get()) {
      retryTimer.cancel(false);
    }
  }

  private void releaseEndpoint(Attempt a, Throwable error) {
    core.pool()
        .release(
            a.endpoint,
            AttemptResult.of(error),
            timing.congestionLatency(System.nanoTime()),
            core.retries().cappedRetryAfter(error));
  }

  /**
   * Ends the attempt (if this call ends it), closes its call unless it succeeded (a finished call
   * keeps its connection for reuse), and tells its endpoint how it went.
   */
  private void endAttempt(Attempt a, Throwable error) {
    if (a != null && a.end()) {
      if (error != null) {
        a.cancelHttp();
      }
      releaseEndpoint(a, error);
    }
  }

  /** Starts the timeout checks for attempt {@code a}; call after its HTTP call was enqueued. */
  final void armWatchdog(Attempt a) {
    schedule(a, Math.min(deadline.endNanos(), checkStream(a, System.nanoTime())));
  }

  /**
   * Arms the watchdog for {@code at}. A check further away than {@link ClientCore#FAR_NANOS} is
   * only noted: most requests end long before their timeouts, and a timer task per request would
   * wake the timer thread whenever it became the earliest. The client's sweep arms it once it comes
   * near, well before it is due.
   */
  private void schedule(Attempt a, long at) {
    if (at == Long.MAX_VALUE || terminated.get()) {
      return;
    }
    long delay = Math.max(0, at - System.nanoTime());
    if (delay > ClientCore.FAR_NANOS) {
      far.set(new FarCheck(a, at));
      return;
    }
    watchdog = core.timer().schedule(() -> checkTimeouts(a), delay, TimeUnit.NANOSECONDS);
  }

  /** Arms a noted check that is now near; called by the client's sweep on the timer thread. */
  final void sweep(long now) {
    FarCheck f = far.get();
    if (f == null || f.at() - now > ClientCore.FAR_NANOS || !far.compareAndSet(f, null)) {
      return;
    }
    schedule(f.attempt(), f.at());
  }

  /** A watchdog check noted for later. */
  private record FarCheck(Attempt attempt, long at) {}

  private void checkTimeouts(Attempt a) {
    if (!live(a)) {
      return;
    }
    long now = System.nanoTime();
    if (now - deadline.endNanos() >= 0) {
      fail(LimitErrors.deadline(info, deadline));
      return;
    }
    long next = checkStream(a, now);
    if (next != Long.MIN_VALUE) {
      schedule(a, Math.min(deadline.endNanos(), next));
    }
  }

  final boolean isTerminated() {
    return terminated.get();
  }

  final void succeed(T value, Timings timings) {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
    endAttempt(current, null);
    end(timings, "success", Outcome.SUCCESS);
    notifySuccess(value);
    future.complete(value);
  }

  /** Fails the request and tells the consumer. */
  final void fail(Throwable error) {
    if (terminate(error)) {
      notifyFailure(error);
      future.completeExceptionally(error);
    }
  }

  /** Fails the request because the consumer itself threw: the consumer is not called again. */
  final void failFromConsumer(Throwable error) {
    if (terminate(error)) {
      future.completeExceptionally(error);
    }
  }

  private boolean terminate(Throwable error) {
    if (!terminated.compareAndSet(false, true)) {
      return false;
    }
    endAttempt(current, error);
    Timings t = timing.build(System.nanoTime(), usageSoFar(), info);
    end(t, outcomeTag(error), permitOutcome(error));
    return true;
  }

  private void denied(AdmissionDenial denial) {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
    core.untrack(this);
    core.metrics()
        .rejected(info.operation(), denial.kind().name().toLowerCase(java.util.Locale.ROOT));
    Throwable error = LimitErrors.denied(info, denial, deadline);
    notifyFailure(error);
    future.completeExceptionally(error);
  }

  /** The caller cancelled the future: withdraw from the queue or close the connection. */
  private void cancelled() {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<Permit> a = admission;
    if (a != null) {
      a.cancel(false);
    }
    endAttempt(current, new CancellationException());
    end(timing.build(System.nanoTime(), usageSoFar(), info), "cancelled", Outcome.IGNORED);
  }

  private void end(Timings t, String outcomeTag, Outcome outcome) {
    ScheduledFuture<?> w = watchdog;
    if (w != null) {
      w.cancel(false);
    }
    ScheduledFuture<?> r = retryTimer;
    if (r != null) {
      r.cancel(false);
    }
    core.untrack(this);
    releasePermit(outcome, timing.congestionLatency(System.nanoTime()));
    core.metrics().request(info.operation(), outcomeTag, t);
  }

  /** Tells admission the time to first token once the first delta arrived at {@code now}. */
  final void firstTokenArrived(long now) {
    Permit p = permit.get();
    if (p != null) {
      p.firstToken(timing.congestionLatency(now));
    }
  }

  private void releasePermit(Outcome outcome, long latencyNanos) {
    Permit p = permit.getAndSet(null);
    if (p != null) {
      p.release(outcome, latencyNanos);
    }
  }

  private static String outcomeTag(Throwable e) {
    if (e instanceof InferenceTimeoutException) {
      return "timeout";
    }
    if (e instanceof ThrottlingException) {
      return "throttled";
    }
    if (e instanceof ServiceUnavailableException) {
      return "unavailable";
    }
    if (e instanceof CancellationException) {
      return "cancelled";
    }
    return "error";
  }

  private static Outcome permitOutcome(Throwable e) {
    return e instanceof InferenceTimeoutException
            || e instanceof ThrottlingException
            || e instanceof ServiceUnavailableException
        ? Outcome.DROPPED
        : Outcome.IGNORED;
  }
}
