package dev.pailot.serving.load.internal;

import dev.pailot.serving.client.Timings;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Per-request outcomes of one run, indexed by schedule position. Each slot is written once by the
 * request's completion callback; {@link Dispatcher} reads them only after every callback finished
 * (joining the callbacks' futures gives the happens-before edge).
 */
final class RunSamples {
  final long[] intended;
  final long[] sent;
  final long[] done;
  final Timings[] timings;
  final String[] errors;
  volatile boolean draining;

  RunSamples(int n) {
    intended = new long[n];
    sent = new long[n];
    done = new long[n];
    timings = new Timings[n];
    errors = new String[n];
  }

  void record(int i, Timings t, Throwable error, long now) {
    done[i] = now;
    if (error == null && t != null) {
      timings[i] = t;
    } else {
      errors[i] = errorName(error);
    }
  }

  private String errorName(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e == null) {
      return "NoTimings";
    }
    if (e instanceof CancellationException && draining) {
      return "DrainTimeout";
    }
    return e.getClass().getSimpleName();
  }
}
