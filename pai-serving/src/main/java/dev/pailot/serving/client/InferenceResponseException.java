package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;

/**
 * The answer could not be used: the engine reported an error (in an HTTP error body or as {@code
 * data: {"error": ...}} in the middle of a stream), the JSON was malformed, the stream ended
 * without {@code [DONE]}, the connection broke mid-answer, or the answer was not an event stream.
 * {@link #reason()} says which. Thread-safe and immutable once thrown.
 *
 * <p>Retryable only when nothing was delivered yet ({@link #deltasReceived()} is 0) and the reason
 * is {@link Reason#CONNECTION_LOST}: repeating a half-delivered generation would duplicate output.
 */
public class InferenceResponseException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the answer. */
  public enum Reason {
    /** The engine reported an error object; {@link #errorCode()} holds its type. */
    ENGINE_ERROR,
    /** A body or SSE event was not valid JSON, or not the expected shape. */
    MALFORMED_JSON,
    /** The event stream ended without {@code data: [DONE]}: the answer may be truncated. */
    ENDED_WITHOUT_DONE,
    /** The connection failed after the answer had started. */
    CONNECTION_LOST,
    /** A streamed request was answered with something other than {@code text/event-stream}. */
    NOT_AN_EVENT_STREAM
  }

  private final Reason reason;
  private final int deltasReceived;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what the endpoint reported
   * @param cause underlying cause, or {@code null}
   * @param reason what was wrong
   * @param deltasReceived deltas delivered before the failure
   */
  public InferenceResponseException(
      String message, ErrorDetails details, Throwable cause, Reason reason, int deltasReceived) {
    super(message, details, cause);
    this.reason = reason;
    this.deltasReceived = deltasReceived;
  }

  /**
   * What was wrong with the answer.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * How many deltas the listener or subscriber had received before the failure (0 for unary calls).
   *
   * @return deltas received
   */
  public int deltasReceived() {
    return deltasReceived;
  }
}
