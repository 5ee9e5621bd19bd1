package dev.pailot.serving.client.internal.admission;

import dev.pailot.serving.client.PriorityClass;
import java.util.concurrent.CompletableFuture;

/**
 * Decides when a request may start its HTTP call. Implementations are thread-safe.
 *
 * <p>{@link #acquire} answers with a future: completed at once when there is room, later when a
 * queued request is admitted, or exceptionally with an {@link AdmissionDenial} (queue full,
 * deadline passed while queued, controller closed). Cancelling the future withdraws a queued
 * request. Every granted {@link Permit} must be released exactly once; the release carries the
 * sample an adaptive limit learns from (its outcome and the latency that matters for congestion:
 * time to first token for streams, not the whole generation).
 */
public interface AdmissionController extends AutoCloseable {
  /**
   * Asks for a permit.
   *
   * @param priorityClass the request's class: queued interactive requests go before batch ones
   * @param deadlineNanos the {@link System#nanoTime()} by which the request must have been
   *     admitted, or {@link Long#MAX_VALUE} for none
   * @return the permit, when admitted
   */
  CompletableFuture<Permit> acquire(PriorityClass priorityClass, long deadlineNanos);

  /**
   * The current concurrency limit.
   *
   * @return the limit
   */
  int limit();

  /**
   * Requests holding a permit.
   *
   * @return in-flight count
   */
  int inFlight();

  /**
   * Requests waiting for a permit.
   *
   * @return queued count
   */
  int queued();

  /** Refuses new requests and fails every queued one with {@link AdmissionDenial.Kind#CLOSED}. */
  @Override
  void close();

  /** How a request ended, for the limit to learn from. */
  enum Outcome {
    /** The endpoint answered: the latency is a valid sample. */
    SUCCESS,
    /** Overload (throttled, unavailable, timed out): a signal to lower the limit. */
    DROPPED,
    /** Says nothing about load (cancelled, invalid request): no sample. */
    IGNORED
  }

  /** The right to run one request. Released exactly once. */
  interface Permit {
    /**
     * Gives the slot back. Calls after the first are ignored.
     *
     * @param outcome how the request ended
     * @param latencyNanos the congestion latency: time to first token for streams, time to the
     *     answer otherwise, measured from when the HTTP call started
     */
    void release(Outcome outcome, long latencyNanos);

    /**
     * Reports a stream's time to first token as soon as it is known, while the slot stays held
     * until {@link #release}. A controller that learns from it then does not learn the same latency
     * again at a successful release. Calls after the first, or after release, are ignored.
     *
     * @param latencyNanos the time to first token, measured from when the HTTP call started
     */
    void firstToken(long latencyNanos);
  }
}
