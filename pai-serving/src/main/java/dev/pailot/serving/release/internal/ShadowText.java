package dev.pailot.serving.release.internal;

import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.shadow.GoldenComparison;
import dev.pailot.serving.release.shadow.ShadowReport;
import dev.pailot.serving.release.shadow.SideStats;
import java.util.Locale;

/** Renders a {@link ShadowReport} as text for people. */
public final class ShadowText {
  private ShadowText() {}

  /**
   * Renders a report.
   *
   * @param r the report
   * @return text, several lines
   */
  public static String render(ShadowReport r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Shadow %s -> %s in group %s: %d%% mirrored for %s: %s (green %s)%n",
            r.blue(),
            r.green(),
            r.group(),
            r.mirrorPercent(),
            r.window(),
            r.verdict(),
            r.greenAction()));
    b.append(
        String.format(
            Locale.ROOT,
            "  %-6s %-24s %8s %8s %8s %8s%n",
            "side",
            "service",
            "probes",
            "errors",
            "p50 ms",
            "p99 ms"));
    row(b, "blue", r.blueStats());
    row(b, "green", r.greenStats());
    b.append(
        String.format(
            Locale.ROOT,
            "  golden agreement %.3f over %d prompts%n",
            r.agreement(),
            r.golden().size()));
    for (GoldenComparison g : r.golden()) {
      if (g.score() < 1) {
        b.append("    ")
            .append(String.format(Locale.ROOT, "%.2f", g.score()))
            .append(" '")
            .append(clip(g.prompt()))
            .append("': ")
            .append(
                g.error()
                    .orElse("expected '" + clip(g.expected()) + "' got '" + clip(g.green()) + "'"))
            .append('\n');
      }
    }
    for (Measurement m : r.checks()) {
      b.append("  ").append(m.ok() ? "[ok]   " : "[FAIL] ").append(m.describe()).append('\n');
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String side, SideStats s) {
    b.append(
        String.format(
            Locale.ROOT,
            "  %-6s %-24s %8d %8d %8.1f %8.1f%n",
            side,
            s.service(),
            s.requests(),
            s.failed(),
            s.p50Seconds() * 1000,
            s.p99Seconds() * 1000));
  }

  private static String clip(String s) {
    return s.length() <= 50 ? s : s.substring(0, 47) + "...";
  }
}
