package dev.pailot.serving.release;

/**
 * Receives a release's events, in order, on the thread that runs it. Keep it fast and non-blocking;
 * an exception it throws is logged at DEBUG and otherwise ignored, it never affects the release.
 * One listener may serve several releases at once, so make it thread-safe.
 */
@FunctionalInterface
public interface ReleaseListener {
  /** A listener that ignores everything. */
  ReleaseListener NONE = event -> {};

  /**
   * Called once per event.
   *
   * @param event the event
   */
  void onEvent(ReleaseEvent event);
}
