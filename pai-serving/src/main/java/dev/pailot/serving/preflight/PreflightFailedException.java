package dev.pailot.serving.preflight;

import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.ValidationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A deploy was refused before any call to EAS because preflight found errors that were not waived.
 * Carries the whole report.
 */
public class PreflightFailedException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final transient PreflightReport report;

  /**
   * Creates the exception.
   *
   * @param report the report
   * @param blocking its errors that were not waived
   */
  public PreflightFailedException(PreflightReport report, List<PreflightFinding> blocking) {
    super(
        "Preflight refused to deploy "
            + report.serviceName()
            + ": "
            + blocking.stream()
                .map(f -> "[" + f.id() + "] " + f.message() + " Fix: " + f.fix())
                .collect(Collectors.joining(" "))
            + " Fix the spec, or waive a check by id if you accept the risk.",
        ErrorDetails.none());
    this.report = report;
  }

  /**
   * The full report.
   *
   * @return report
   */
  public PreflightReport report() {
    return report;
  }
}
