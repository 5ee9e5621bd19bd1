package dev.pailot.rag.budget;

/** How a stage ended. */
public enum StageOutcome {
  /** Done within its budget. */
  OK,
  /** Done, but after its budget (a stage that is not interrupted: assemble, generate). */
  OVERRUN,
  /** Overran or failed, and the pipeline served a degraded result instead; see the reason. */
  DEGRADED,
  /** Not run (e.g. no reranker configured). */
  SKIPPED,
  /** Overran or failed under {@link StagePolicy#FAIL}, or could not degrade: the request failed. */
  FAILED
}
