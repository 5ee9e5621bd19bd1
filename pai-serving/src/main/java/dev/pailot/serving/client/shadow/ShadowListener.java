package dev.pailot.serving.client.shadow;

/**
 * Receives each mirrored request once both sides have finished. Called on the client's I/O thread
 * that finished last: keep it fast and non-blocking. An exception it throws is logged at DEBUG and
 * otherwise ignored; it never reaches the primary caller.
 */
@FunctionalInterface
public interface ShadowListener {
  /**
   * One comparison.
   *
   * @param comparison the primary's and the shadow's outcome
   */
  void onComparison(ShadowComparison comparison);
}
