package dev.pailot.training.spot;

/**
 * Receives a {@link SpotRun}'s events, in order, on the thread that runs it. Keep it fast and
 * non-blocking; an exception it throws is logged at DEBUG and otherwise ignored, it never affects
 * the run. One listener may serve several runs at once, so make it thread-safe.
 */
@FunctionalInterface
public interface SpotRunListener {
  /** A listener that ignores everything. */
  SpotRunListener NONE = event -> {};

  /**
   * Called once per event.
   *
   * @param event the event
   */
  void onEvent(SpotRunEvent event);
}
