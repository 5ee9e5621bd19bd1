package dev.pailot.serving.load.internal;

import dev.pailot.serving.load.LatencySummary;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Renders a {@link LoadReport} as a fixed-width text table. */
public final class TextReport {
  static final List<String> HEADERS =
      List.of(
          "run",
          "offered/s",
          "ok/s",
          "goodput/s",
          "good %",
          "tokens/s",
          "TTFT p50",
          "TTFT p99",
          "TPOT p50",
          "E2E p99",
          "lag p99",
          "failed",
          "peak");

  private TextReport() {}

  /**
   * The report as text.
   *
   * @param report the report
   * @return the table, with title, notes and SLO above it
   */
  public static String render(LoadReport report) {
    StringBuilder out = new StringBuilder();
    out.append(report.title()).append('\n');
    report
        .notes()
        .forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    out.append("  SLO: ").append(sloText(report)).append('\n');
    List<List<String>> rows = rows(report);
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        out.append(c == 0 ? pad(cell, widths[c], true) : "  " + pad(cell, widths[c], false));
      }
      out.append('\n');
    }
    report.knee().ifPresent(k -> out.append("knee (*): ").append(k.label()).append('\n'));
    report.runs().stream()
        .filter(r -> !r.errors().isEmpty())
        .forEach(
            r ->
                out.append("errors in ")
                    .append(r.label())
                    .append(": ")
                    .append(r.errors())
                    .append('\n'));
    return out.toString();
  }

  /**
   * Header row then one row of cells per run; the knee's label is marked with {@code *}.
   *
   * @param report the report
   * @return the rows
   */
  static List<List<String>> rows(LoadReport report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    Optional<RunResult> knee = report.knee();
    for (RunResult r : report.runs()) {
      boolean isKnee = knee.isPresent() && knee.get() == r;
      rows.add(
          List.of(
              r.label() + (isKnee ? " *" : ""),
              num(r.offeredRate()),
              num(r.throughput()),
              num(r.goodput()),
              String.format(Locale.ROOT, "%.1f", 100 * r.goodShare()),
              String.format(Locale.ROOT, "%.0f", r.outputTokensPerSecond()),
              lat(r.timeToFirstToken(), LatencySummary::p50),
              lat(r.timeToFirstToken(), LatencySummary::p99),
              lat(r.timePerOutputToken(), LatencySummary::p50),
              lat(r.endToEnd(), LatencySummary::p99),
              lat(r.sendLag(), LatencySummary::p99),
              Integer.toString(r.failed()),
              Integer.toString(r.peakInFlight())));
    }
    return rows;
  }

  static String sloText(LoadReport report) {
    List<String> parts = new ArrayList<>();
    report.slo().timeToFirstToken().ifPresent(d -> parts.add("TTFT <= " + Durations.text(d)));
    report.slo().timePerOutputToken().ifPresent(d -> parts.add("TPOT <= " + Durations.text(d)));
    report.slo().endToEnd().ifPresent(d -> parts.add("E2E <= " + Durations.text(d)));
    return parts.isEmpty() ? "none (goodput = throughput)" : String.join(", ", parts);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String lat(
      Optional<LatencySummary> s, Function<LatencySummary, java.time.Duration> pick) {
    return s.map(pick).map(Durations::text).orElse("-");
  }

  private static String pad(String s, int width, boolean left) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return left ? s + fill : fill + s;
  }
}
