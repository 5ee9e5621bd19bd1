package dev.pailot.core.event;

/**
 * Receives what the SDK does: control-plane calls, retries, and progress of long operations. Every
 * method has an empty default, so implement only what you need.
 *
 * <p>Called synchronously on the thread doing the work: keep implementations fast and non-blocking,
 * and make them thread-safe, since calls may run concurrently. An exception thrown by a listener is
 * logged at DEBUG and otherwise ignored; it never fails the call.
 */
public interface PaiListener {
  /** A listener that ignores everything. */
  PaiListener NONE = new PaiListener() {};

  /**
   * A control-plane call is about to be sent for the first time.
   *
   * @param event the call
   */
  default void onCallStarted(CallEvent event) {}

  /**
   * An attempt failed and will be retried after {@link RetryEvent#delay()}.
   *
   * @param event the retry
   */
  default void onRetryScheduled(RetryEvent event) {}

  /**
   * A control-plane call finished, successfully or not.
   *
   * @param event the call, with its outcome
   */
  default void onCallFinished(CallEvent event) {}

  /**
   * A long operation made progress.
   *
   * @param event the progress
   */
  default void onProgress(ProgressEvent event) {}
}
