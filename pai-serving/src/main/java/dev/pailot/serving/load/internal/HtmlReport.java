package dev.pailot.serving.load.internal;

import dev.pailot.serving.load.LatencySummary;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders a {@link LoadReport} as one self-contained HTML page: notes, the table, and two inline
 * SVG charts (latency percentiles and goodput against the sweep value). No scripts, no external
 * resources.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * The report as HTML.
   *
   * @param report the report
   * @return the page
   */
  public static String render(LoadReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(esc(report.title()))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("text-align:right}td:first-child,th:first-child{text-align:left}")
        .append(".knee{background:#fff3c4}</style></head><body>\n<h1>")
        .append(esc(report.title()))
        .append("</h1>\n<ul>");
    report
        .notes()
        .forEach(
            (k, v) ->
                html.append("<li>").append(esc(k)).append(": ").append(esc(v)).append("</li>"));
    html.append("<li>SLO: ").append(esc(TextReport.sloText(report))).append("</li>");
    report.knee().ifPresent(k -> html.append("<li>knee: ").append(esc(k.label())).append("</li>"));
    html.append("</ul>\n");
    table(html, report);
    html.append(latencyChart(report).render()).append(goodputChart(report).render());
    return html.append("</body></html>\n").toString();
  }

  private static void table(StringBuilder html, LoadReport report) {
    List<List<String>> rows = TextReport.rows(report);
    html.append("<table>\n<tr>");
    rows.get(0).forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : rows.subList(1, rows.size())) {
      html.append(row.get(0).endsWith(" *") ? "<tr class=\"knee\">" : "<tr>");
      row.forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static SvgChart latencyChart(LoadReport report) {
    double[] x = xs(report);
    return new SvgChart("Latency from intended send time", report.sweepVariable(), "ms (log)", true)
        .add("TTFT p50", x, ms(report, RunResult::timeToFirstToken, LatencySummary::p50))
        .add("TTFT p99", x, ms(report, RunResult::timeToFirstToken, LatencySummary::p99))
        .add("E2E p50", x, ms(report, RunResult::endToEnd, LatencySummary::p50))
        .add("E2E p99", x, ms(report, RunResult::endToEnd, LatencySummary::p99));
  }

  private static SvgChart goodputChart(LoadReport report) {
    double[] x = xs(report);
    return new SvgChart("Goodput and throughput", report.sweepVariable(), "requests/s", false)
        .add("offered", x, report.runs().stream().mapToDouble(RunResult::offeredRate).toArray())
        .add("throughput", x, report.runs().stream().mapToDouble(RunResult::throughput).toArray())
        .add("goodput", x, report.runs().stream().mapToDouble(RunResult::goodput).toArray());
  }

  private static double[] xs(LoadReport report) {
    return report.runs().stream().mapToDouble(RunResult::sweepValue).toArray();
  }

  private static double[] ms(
      LoadReport report,
      Function<RunResult, Optional<LatencySummary>> metric,
      Function<LatencySummary, Duration> pick) {
    return report.runs().stream()
        .mapToDouble(r -> metric.apply(r).map(pick).map(d -> d.toNanos() / 1e6).orElse(Double.NaN))
        .toArray();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
