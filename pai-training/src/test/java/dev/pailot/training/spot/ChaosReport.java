package dev.pailot.training.spot;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.function.ToLongFunction;

/** Writes the chaos benchmark's Markdown report. */
final class ChaosReport {
  private ChaosReport() {}

  /** Writes the report; returns whether every requirement held. */
  static boolean write(
      ChaosBenchmark.Config config,
      List<ChaosChecks.RunResult> results,
      ChaosCreateGuard guard,
      Duration elapsed)
      throws IOException {
    StringBuilder b = new StringBuilder("# Spot run chaos benchmark\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%s; %d runs (%d at a time), LocalPai seed %d, %.1f spot preemptions per emulated hour"
                + " of training, time scale %d ms per emulated minute, %d steps per run,"
                + " checkpoint intervals %s steps, 2 spot pods of %s; %d CPU cores.%n%n",
            Instant.now(),
            config.runs(),
            config.parallel(),
            config.seed(),
            config.ratePerHour(),
            ChaosBenchmark.TIME_SCALE.toMillis(),
            ChaosBenchmark.TOTAL_STEPS,
            java.util.Arrays.toString(ChaosBenchmark.INTERVALS),
            ChaosBenchmark.INSTANCE_TYPE,
            Runtime.getRuntime().availableProcessors()));
    b.append(summary(results, guard, elapsed)).append("\n\n");
    b.append("| run | interval | outcome | attempts | preemptions | lost steps (LocalPai) |")
        .append(" lost steps (report) | cost | on demand | savings | recomputed | wall s |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ChaosChecks.RunResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %s | %d | %d | %s | %s | %s | %s | %s | %s | %.2f |%n",
              r.run(),
              r.interval(),
              r.outcome(),
              r.attempts(),
              r.preemptions(),
              r.lostSteps(),
              r.reportedLostSteps(),
              r.cost(),
              r.onDemand(),
              r.savings(),
              r.recomputedSavings(),
              r.wallSeconds()));
    }
    results.stream()
        .flatMap(r -> r.problems().stream())
        .forEach(p -> b.append("- ").append(p).append('\n'));
    guard.violations().forEach(v -> b.append("- overlap: ").append(v).append('\n'));
    Files.createDirectories(config.report().toAbsolutePath().getParent());
    Files.writeString(config.report(), b.toString());
    return passed(results, guard);
  }

  static boolean passed(List<ChaosChecks.RunResult> results, ChaosCreateGuard guard) {
    return results.stream().allMatch(ChaosChecks.RunResult::passed) && guard.violations().isEmpty();
  }

  /** The requirements and the headline figures, as a Markdown table and a paragraph. */
  static String summary(
      List<ChaosChecks.RunResult> results, ChaosCreateGuard guard, Duration elapsed) {
    return requirements(results, guard) + "\n" + figures(results, elapsed);
  }

  private static String requirements(List<ChaosChecks.RunResult> results, ChaosCreateGuard guard) {
    long finished = results.stream().filter(r -> r.outcome() == RunOutcome.SUCCEEDED).count();
    LongSummaryStatistics lost =
        results.stream()
            .flatMap(r -> r.lostSteps().stream())
            .mapToLong(Long::longValue)
            .summaryStatistics();
    long over =
        results.stream()
            .filter(r -> r.lostSteps().stream().anyMatch(l -> l > r.interval()))
            .count();
    double worst =
        results.stream()
            .flatMap(r -> r.lostSteps().stream().map(l -> (double) l / r.interval()))
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    long overlaps = results.stream().mapToLong(ChaosChecks.RunResult::overlaps).sum();
    long exact =
        results.stream()
            .filter(r -> r.savings() != null && r.savings().compareTo(r.recomputedSavings()) == 0)
            .count();
    return String.format(
        Locale.ROOT,
        "| requirement | measured | |%n|---|---|---|%n"
            + "| every run finishes | %d of %d runs SUCCEEDED | %s |%n"
            + "| work lost per preemption <= one checkpoint interval | %d preemptions; lost %d to %d"
            + " steps, mean %.1f; worst %.0f%% of the interval; %d runs over | %s |%n"
            + "| no two attempts of a run at once | %d CreateJob calls checked %d earlier jobs"
            + " against DLC: %d not terminal; DLC job times: %d overlaps | %s |%n"
            + "| savings match the price book | %d of %d runs exact | %s |%n",
        finished,
        results.size(),
        ok(finished == results.size()),
        lost.getCount(),
        lost.getCount() == 0 ? 0 : lost.getMin(),
        lost.getCount() == 0 ? 0 : lost.getMax(),
        lost.getAverage(),
        worst * 100,
        over,
        ok(over == 0),
        guard.creates(),
        guard.jobsChecked(),
        guard.violations().size(),
        overlaps,
        ok(guard.violations().isEmpty() && overlaps == 0),
        exact,
        results.size(),
        ok(exact == results.size()));
  }

  private static String figures(List<ChaosChecks.RunResult> results, Duration elapsed) {
    BigDecimal cost = sum(results, ChaosChecks.RunResult::cost);
    BigDecimal onDemand = sum(results, ChaosChecks.RunResult::onDemand);
    BigDecimal saved = onDemand.subtract(cost);
    String share =
        onDemand.signum() == 0
            ? "0"
            : saved
                .multiply(BigDecimal.valueOf(100))
                .divide(onDemand, 1, RoundingMode.HALF_UP)
                .toPlainString();
    long sameLost =
        results.stream().filter(r -> r.lostSteps().equals(r.reportedLostSteps())).count();
    return String.format(
        Locale.ROOT,
        "Attempts: %d in all (%d preemptions, max %d in one run). Estimated cost %s USD on"
            + " spot against %s USD on demand for the same running time: saved %s USD (%s%%)."
            + " The reports' lost steps (read from pod logs) equal LocalPai's in %d of %d runs."
            + " Wall time %.1f s.",
        sumLong(results, ChaosChecks.RunResult::attempts),
        sumLong(results, ChaosChecks.RunResult::preemptions),
        results.stream().mapToInt(ChaosChecks.RunResult::preemptions).max().orElse(0),
        cost.toPlainString(),
        onDemand.toPlainString(),
        saved.toPlainString(),
        share,
        sameLost,
        results.size(),
        elapsed.toMillis() / 1000.0);
  }

  private static String ok(boolean ok) {
    return ok ? "pass" : "**FAIL**";
  }

  private static BigDecimal sum(
      List<ChaosChecks.RunResult> results,
      java.util.function.Function<ChaosChecks.RunResult, BigDecimal> f) {
    return results.stream()
        .map(f)
        .map(v -> v == null ? BigDecimal.ZERO : v)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static long sumLong(
      List<ChaosChecks.RunResult> results, ToLongFunction<ChaosChecks.RunResult> f) {
    return results.stream().mapToLong(f).sum();
  }
}
