package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.AdmissionRejectedException;
import dev.pailot.serving.client.InferenceException;
import dev.pailot.serving.client.InferenceTimeoutException;
import dev.pailot.serving.client.InferenceTimeoutException.Phase;
import dev.pailot.serving.client.internal.admission.AdmissionDenial;
import java.time.Duration;

/** The exceptions of the client's own limits: admission refusals, deadlines and timeouts. */
final class LimitErrors {
  private LimitErrors() {}

  static InferenceException denied(RequestInfo info, AdmissionDenial d, Deadline deadline) {
    String load = d.limit() + " in flight (the limit), " + d.queued() + " queued";
    return switch (d.kind()) {
      case QUEUE_FULL ->
          new AdmissionRejectedException(
              info.subject()
                  + " was refused by the client's admission stage: "
                  + load
                  + " (the queue is full). Fix: shed or spread the load, retry later, or raise"
                  + " concurrencyLimit / maxQueued if the service has capacity.",
              info.details("QueueFull", null, 0, true),
              AdmissionRejectedException.Reason.QUEUE_FULL);
      case EXPECTED_WAIT ->
          new AdmissionRejectedException(
              info.subject()
                  + " was refused by the client's admission stage: "
                  + load
                  + "; at the recent pace it would have waited in the queue past its "
                  + what(deadline)
                  + " of "
                  + ms(deadline.limit())
                  + ". Fix: allow a longer deadline, shed or spread the load, or retry later.",
              info.details("ExpectedWaitExceedsDeadline", null, 0, true),
              AdmissionRejectedException.Reason.EXPECTED_WAIT);
      case DEADLINE ->
          new InferenceTimeoutException(
              info.subject()
                  + ": its "
                  + what(deadline)
                  + " of "
                  + ms(deadline.limit())
                  + " passed while it waited in the client's admission queue ("
                  + load
                  + "). It was"
                  + " never sent. Fix: allow a longer deadline, raise the concurrency limit if the"
                  + " service has capacity, or shed load.",
              info.details("DeadlineExceededWhileQueued", null, 0, false),
              Phase.QUEUED,
              deadline.limit());
      case CLOSED -> closed(info);
    };
  }

  static AdmissionRejectedException closed(RequestInfo info) {
    return new AdmissionRejectedException(
        info.subject() + " was not sent: the InferenceClient is closed. Fix: build a new client.",
        info.details("ClientClosed", null, 0, false),
        AdmissionRejectedException.Reason.CLIENT_CLOSED);
  }

  static InferenceException closedWhileRunning(RequestInfo info) {
    return new InferenceException(
        info.subject() + " was cancelled because the InferenceClient was closed while it ran.",
        info.details("ClientClosed", null, 0, false),
        null);
  }

  static InferenceTimeoutException deadline(RequestInfo info, Deadline deadline) {
    return new InferenceTimeoutException(
        info.subject()
            + ": its "
            + what(deadline)
            + " of "
            + ms(deadline.limit())
            + " passed; the call was cancelled and its connection closed. Fix: allow a longer"
            + " deadline, ask for fewer tokens, or check the service's load.",
        info.details("DeadlineExceeded", null, 0, false),
        Phase.DEADLINE,
        deadline.limit());
  }

  static InferenceTimeoutException firstToken(RequestInfo info, Duration limit) {
    return new InferenceTimeoutException(
        info.subject()
            + ": no first token within "
            + ms(limit)
            + " (firstTokenTimeout); the call"
            + " was cancelled. The engine is likely overloaded (requests waiting for KV cache) or"
            + " the prompt is very long. Nothing was generated, so it is safe to retry.",
        info.details("FirstTokenTimeout", null, 0, true),
        Phase.FIRST_TOKEN,
        limit);
  }

  static InferenceTimeoutException idle(RequestInfo info, Duration limit, int deltas) {
    return new InferenceTimeoutException(
        info.subject()
            + ": the stream stalled for "
            + ms(limit)
            + " (idleTimeout) after "
            + deltas
            + " deltas; the call was cancelled. Check the engine's health and any proxy buffering"
            + " between client and engine.",
        info.details("IdleTimeout", null, 0, false),
        Phase.IDLE,
        limit);
  }

  private static String what(Deadline d) {
    return d.fromRequest() ? "deadline" : "total timeout";
  }

  private static String ms(Duration d) {
    return d.toMillis() + " ms";
  }
}
