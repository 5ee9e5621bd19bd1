package dev.pailot.training.spot.internal;

import dev.pailot.training.spot.AttemptReport;
import dev.pailot.training.spot.SpotRunReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Renders a spot run report as a few lines of text for people. Thread-safe. */
public final class ReportText {
  private static final String ROW = "%3s  %-22s %-5s %8s  %-18s %9s %10s  %s%n";

  private ReportText() {}

  /**
   * The report as text: outcome, attempts table, costs.
   *
   * @param r the report
   * @return text
   */
  public static String render(SpotRunReport r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Spot run %s: %s after %d attempt(s), %d preemption(s), wall time %s%n%s%n",
            r.run(),
            r.outcome(),
            r.attempts().size(),
            r.preemptions(),
            clock(r.wallTime()),
            r.message()));
    b.append(
        String.format(
            Locale.ROOT, ROW, "#", "job", "spot", "resumed", "ending", "running", "cost", "lost"));
    for (AttemptReport a : r.attempts()) {
      b.append(
          String.format(
              Locale.ROOT,
              ROW,
              a.number(),
              a.jobId(),
              a.spot() ? "yes" : "no",
              a.resumedFromStep(),
              a.ending(),
              clock(a.runningTime()),
              a.cost().map(BigDecimal::toPlainString).orElse("?"),
              lost(a)));
    }
    b.append(costs(r));
    r.failure()
        .ifPresent(
            f -> {
              b.append("Last log lines of ").append(f.podId().orElse(f.jobId())).append(":\n");
              f.logTail().forEach(line -> b.append("  ").append(line).append('\n'));
            });
    return b.toString();
  }

  private static String costs(SpotRunReport r) {
    if (r.cost().isEmpty() || r.onDemandCost().isEmpty()) {
      return "Cost: unknown (an instance type is not in the price book)\n";
    }
    BigDecimal cost = r.cost().get();
    BigDecimal onDemand = r.onDemandCost().get();
    BigDecimal saved = r.savings().orElse(onDemand.subtract(cost));
    String share =
        onDemand.signum() == 0
            ? ""
            : " ("
                + saved
                    .multiply(BigDecimal.valueOf(100))
                    .divide(onDemand, 0, RoundingMode.HALF_UP)
                    .toPlainString()
                + "%)";
    return String.format(
        Locale.ROOT,
        "Cost: %s %s as run; %s %s on demand for the same running time; saved %s %s%s%n",
        cost.toPlainString(),
        r.currency(),
        onDemand.toPlainString(),
        r.currency(),
        saved.toPlainString(),
        r.currency(),
        share);
  }

  private static String lost(AttemptReport a) {
    Optional<String> steps = a.lostSteps().stream().mapToObj(s -> s + " steps").findFirst();
    Optional<String> time = a.lostTime().map(ReportText::clock);
    if (steps.isEmpty() && time.isEmpty()) {
      return "";
    }
    return steps.orElse("?") + time.map(t -> " (" + t + " since checkpoint)").orElse("");
  }

  private static String clock(Duration d) {
    long s = d.getSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
