package dev.pailot.serving.client.batch.internal;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.serving.client.AdmissionRejectedException;
import dev.pailot.serving.client.InferenceException;
import dev.pailot.serving.client.InferenceResponseException;

/**
 * The batcher's own failures: refusals (queue full, closed) and an answer whose size does not match
 * its batch. Messages name the operation and service, never texts.
 *
 * @param operation the operation tag, e.g. {@code embeddings}
 * @param serviceName the service name
 */
public record BatchRejections(String operation, String serviceName) {
  private String subject() {
    return "the " + operation + " batcher of service " + serviceName;
  }

  private ErrorDetails details(String code, boolean retryable) {
    return new ErrorDetails("inference", operation, null, code, null, null, 0, retryable, 0);
  }

  AdmissionRejectedException full(int pending, int max) {
    return new AdmissionRejectedException(
        subject()
            + " refused an item: "
            + pending
            + " items are pending (maxPending "
            + max
            + "). Fix: shed or spread the load, retry later, or raise maxPending / maxInFlight if"
            + " the service has capacity.",
        details("BatchQueueFull", true),
        AdmissionRejectedException.Reason.QUEUE_FULL);
  }

  AdmissionRejectedException closed() {
    return new AdmissionRejectedException(
        subject() + " is closed; the item was not sent. Fix: create a new batcher.",
        details("BatcherClosed", false),
        AdmissionRejectedException.Reason.CLIENT_CLOSED);
  }

  InferenceException closedWhileRunning() {
    return new InferenceException(
        subject() + " was closed while the item's batch was in flight; the call was cancelled.",
        details("BatcherClosed", false),
        null);
  }

  InferenceResponseException mismatch(int sent, int answered) {
    return new InferenceResponseException(
        subject()
            + " sent "
            + sent
            + " items in one batch and got "
            + answered
            + " answers back; no member can be matched safely. Fix: check that the endpoint"
            + " serves the OpenAI-compatible batch shape.",
        details("BatchAnswerMismatch", false),
        null,
        InferenceResponseException.Reason.MALFORMED_JSON,
        0);
  }
}
