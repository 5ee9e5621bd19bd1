package dev.pailot.serving.client.internal;

import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.InferenceTimeoutException;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import dev.pailot.serving.client.internal.admission.AdmissionController.Outcome;
import dev.pailot.serving.client.internal.admission.AdmissionController.Permit;
import dev.pailot.serving.client.internal.admission.AdmissionDenial;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's life: admission, the HTTP call, timeouts, and exactly one ending (success, failure
 * or cancellation), after which the permit is released, metrics are recorded and the future is
 * completed. Subclasses send the call and read the answer. Thread-safe: endings race through one
 * atomic flag, and whoever wins does the bookkeeping.
 *
 * @param <T> the result type
 */
abstract class Exchange<T> {
  final ClientCore core;
  final RequestInfo info;
  final TimingRecorder timing;
  final CompletableFuture<T> future;
  private final InferenceRequest request;
  private final Deadline deadline;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private final AtomicReference<Permit> permit = new AtomicReference<>();
  private volatile CompletableFuture<Permit> admission;
  private volatile Runnable httpCancel;
  private volatile ScheduledFuture<?> watchdog;

  Exchange(
      ClientCore core, RequestInfo info, InferenceRequest request, CompletableFuture<T> future) {
    long now = System.nanoTime();
    this.core = core;
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

  /** Sends the HTTP call; runs once the request is admitted. */
  abstract void send();

  /** Usage known so far, for the timings of a failed request. */
  Usage usageSoFar() {
    return null;
  }

  /**
   * Checks the stream's own timeouts at {@code now}: fails the exchange and returns {@code
   * Long.MIN_VALUE}, or returns when to check next ({@code Long.MAX_VALUE}: never).
   */
  long checkStream(long now) {
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
    try {
      send();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** Registers how to cancel the HTTP call; cancels at once if the exchange already ended. */
  final void onCancel(Runnable cancel) {
    httpCancel = cancel;
    if (terminated.get()) {
      cancel.run();
    }
  }

  /** Starts the timeout checks; call after the HTTP call was enqueued. */
  final void armWatchdog() {
    schedule(Math.min(deadline.endNanos(), checkStream(System.nanoTime())));
  }

  private void schedule(long at) {
    if (at == Long.MAX_VALUE || terminated.get()) {
      return;
    }
    long delay = Math.max(0, at - System.nanoTime());
    watchdog = core.timer().schedule(this::checkTimeouts, delay, TimeUnit.NANOSECONDS);
  }

  private void checkTimeouts() {
    if (terminated.get()) {
      return;
    }
    long now = System.nanoTime();
    if (now - deadline.endNanos() >= 0) {
      fail(LimitErrors.deadline(info, deadline));
      return;
    }
    long next = checkStream(now);
    if (next != Long.MIN_VALUE) {
      schedule(Math.min(deadline.endNanos(), next));
    }
  }

  final boolean isTerminated() {
    return terminated.get();
  }

  final void succeed(T value, Timings timings) {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
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
    cancelHttp();
    Timings t = timing.build(System.nanoTime(), usageSoFar(), info.endpoint());
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
    cancelHttp();
    end(
        timing.build(System.nanoTime(), usageSoFar(), info.endpoint()),
        "cancelled",
        Outcome.IGNORED);
  }

  private void end(Timings t, String outcomeTag, Outcome outcome) {
    ScheduledFuture<?> w = watchdog;
    if (w != null) {
      w.cancel(false);
    }
    core.untrack(this);
    releasePermit(outcome, timing.congestionLatency(System.nanoTime()));
    core.metrics().request(info.operation(), outcomeTag, t);
  }

  private void releasePermit(Outcome outcome, long latencyNanos) {
    Permit p = permit.getAndSet(null);
    if (p != null) {
      p.release(outcome, latencyNanos);
    }
  }

  private void cancelHttp() {
    Runnable c = httpCancel;
    if (c != null) {
      c.run();
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
