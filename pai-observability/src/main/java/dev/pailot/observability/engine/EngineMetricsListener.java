package dev.pailot.observability.engine;

import dev.pailot.core.error.PaiException;

/**
 * Receives what an {@link EngineMetricsPoller} reads. Called on the poller's own thread, one call
 * at a time; keep it short (hand off heavy work). An exception thrown here is logged at DEBUG and
 * does not stop the polling.
 */
@FunctionalInterface
public interface EngineMetricsListener {
  /**
   * A scrape succeeded.
   *
   * @param metrics the engine's metrics
   */
  void onMetrics(EngineMetrics metrics);

  /**
   * A scrape failed; the poller tries again at the next interval. Does nothing by default.
   *
   * @param failure why
   */
  default void onFailure(PaiException failure) {}
}
