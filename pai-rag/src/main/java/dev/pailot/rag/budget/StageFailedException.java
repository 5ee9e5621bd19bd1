package dev.pailot.rag.budget;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;

/**
 * A stage overran its budget or failed and could not (or, under {@link StagePolicy#FAIL}, was not
 * allowed to) degrade. {@link #report()} says which stage, after how long, and why; the cause, if
 * any, is the stage's own failure.
 */
public class StageFailedException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final transient StageReport report;

  /**
   * Creates the exception.
   *
   * @param report the failed stage's report
   * @param cause the stage's failure, or {@code null} for an overrun
   */
  public StageFailedException(StageReport report, Throwable cause) {
    super(
        "RAG stage "
            + report.stage().tag()
            + " failed: "
            + report.reason().orElse("no reason")
            + ". Check what the stage calls, raise its budget, or let it degrade (StagePolicy.DEGRADE).",
        ErrorDetails.none(),
        cause);
    this.report = report;
  }

  /**
   * The failed stage's report.
   *
   * @return report
   */
  public StageReport report() {
    return report;
  }
}
