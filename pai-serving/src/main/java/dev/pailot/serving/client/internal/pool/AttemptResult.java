package dev.pailot.serving.client.internal.pool;

import dev.pailot.core.error.ThrottlingException;
import dev.pailot.serving.client.EndpointUnavailableException;
import dev.pailot.serving.client.InferenceResponseException;
import dev.pailot.serving.client.InferenceTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * What one attempt says about its endpoint's health, and whether its failure may be retried before
 * the first token. The one place where failures are classified for the pool.
 */
public enum AttemptResult {
  /** The endpoint answered. */
  SUCCESS,
  /**
   * The endpoint failed: no connection, 5xx, a stream broken before it finished, a first-token or
   * idle timeout. Counts towards ejection and the circuit breaker.
   */
  FAULT,
  /** The endpoint is busy (429): no fault, but the request may go elsewhere. */
  THROTTLED,
  /** Says nothing about the endpoint (a client error, an engine's answer to a bad request). */
  NEUTRAL,
  /** The caller cancelled or the deadline passed: nothing learnt. */
  CANCELLED;

  /**
   * Classifies an attempt's failure.
   *
   * @param error the failure, or {@code null} for a success
   * @return the result
   */
  public static AttemptResult of(Throwable error) {
    if (error == null) {
      return SUCCESS;
    }
    if (error instanceof ThrottlingException) {
      return THROTTLED;
    }
    if (error instanceof EndpointUnavailableException) {
      return FAULT;
    }
    if (error instanceof InferenceResponseException r) {
      return r.reason() == InferenceResponseException.Reason.CONNECTION_LOST
              || r.reason() == InferenceResponseException.Reason.ENDED_WITHOUT_DONE
          ? FAULT
          : NEUTRAL;
    }
    if (error instanceof InferenceTimeoutException t) {
      return t.phase() == InferenceTimeoutException.Phase.FIRST_TOKEN
              || t.phase() == InferenceTimeoutException.Phase.IDLE
          ? FAULT
          : CANCELLED;
    }
    if (error instanceof CancellationException) {
      return CANCELLED;
    }
    return NEUTRAL;
  }

  /**
   * Whether a failure that happened before anything reached the caller may be retried: endpoint
   * faults and throttling. Client errors, malformed answers and engine errors are not.
   *
   * @param error the failure
   * @return whether to retry
   */
  public static boolean retryable(Throwable error) {
    AttemptResult r = of(error);
    return r == FAULT || r == THROTTLED;
  }

  /**
   * The server's {@code Retry-After} hint carried by a failure.
   *
   * @param error the failure
   * @return the hint, or {@code null}
   */
  public static Duration retryAfter(Throwable error) {
    if (error instanceof ThrottlingException t) {
      return t.retryAfter().orElse(null);
    }
    if (error instanceof EndpointUnavailableException u) {
      return u.retryAfter().orElse(null);
    }
    return null;
  }
}
