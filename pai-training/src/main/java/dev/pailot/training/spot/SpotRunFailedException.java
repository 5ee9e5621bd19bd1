package dev.pailot.training.spot;

import dev.pailot.core.error.PaiException;

/**
 * A spot run did not succeed; {@link #report()} says why. Thrown by {@link
 * SpotRunReport#requireSucceeded()}. The message names the run, its outcome, the last job, and for
 * a failure the reason and the last log lines.
 */
public class SpotRunFailedException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final transient SpotRunReport report;

  /**
   * Creates the exception.
   *
   * @param report the run's report
   */
  public SpotRunFailedException(SpotRunReport report) {
    super(describe(report));
    this.report = report;
  }

  /**
   * The run's report.
   *
   * @return report
   */
  public SpotRunReport report() {
    return report;
  }

  private static String describe(SpotRunReport r) {
    StringBuilder b =
        new StringBuilder("Spot run ")
            .append(r.run())
            .append(" ended ")
            .append(r.outcome())
            .append(": ")
            .append(r.message());
    r.failure()
        .ifPresent(
            f -> {
              int from = Math.max(0, f.logTail().size() - 10);
              b.append("\nLast log lines of ")
                  .append(f.podId().orElse("the job"))
                  .append(":\n  ")
                  .append(String.join("\n  ", f.logTail().subList(from, f.logTail().size())));
            });
    return b.toString();
  }
}
