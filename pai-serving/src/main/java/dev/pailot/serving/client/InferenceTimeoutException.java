package dev.pailot.serving.client;

import dev.pailot.core.error.ErrorDetails;
import java.time.Duration;

/**
 * A request ran out of time; {@link #phase()} says where. The HTTP call, if any, was cancelled, so
 * its connection is closed and the engine aborts the generation. Thread-safe and immutable once
 * thrown.
 */
public class InferenceTimeoutException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** Where the time ran out. */
  public enum Phase {
    /** The request's deadline passed while it waited in the client's admission queue. */
    QUEUED,
    /** No first token within the client's first-token timeout. Retryable: nothing was delivered. */
    FIRST_TOKEN,
    /** The stream stalled: no event within the client's idle timeout. */
    IDLE,
    /** The request's deadline (or the client's total timeout) passed while it was running. */
    DEADLINE
  }

  private final Phase phase;
  private final Duration limit;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param details what is known about the request
   * @param phase where the time ran out
   * @param limit the limit that was exceeded
   */
  public InferenceTimeoutException(
      String message, ErrorDetails details, Phase phase, Duration limit) {
    super(message, details, null);
    this.phase = phase;
    this.limit = limit;
  }

  /**
   * Where the time ran out.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }

  /**
   * The limit that was exceeded: the deadline, or the timeout of the phase.
   *
   * @return the limit
   */
  public Duration limit() {
    return limit;
  }
}
