package dev.pailot.serving.release.internal;

import dev.pailot.serving.release.ReleasePlan;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.StageReport;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.gates.Measurement;
import java.time.Duration;

/** Renders a {@link ReleaseReport} as text for people. */
public final class ReleaseText {
  private ReleaseText() {}

  /**
   * Renders a report.
   *
   * @param r the report
   * @return text, several lines
   */
  public static String render(ReleaseReport r) {
    ReleasePlan p = r.plan();
    StringBuilder b = new StringBuilder();
    b.append("Blue-green release ")
        .append(p.blue())
        .append(" -> ")
        .append(p.green())
        .append(" in group ")
        .append(p.group())
        .append(": ")
        .append(r.outcome())
        .append('\n');
    b.append("  ").append(r.message()).append('\n');
    b.append("  stages ")
        .append(p.stages())
        .append(", bake ")
        .append(p.bake())
        .append(", took ")
        .append(Duration.between(r.startedAt(), r.finishedAt()))
        .append('\n');
    r.resumedFrom()
        .ifPresent(s -> b.append("  resumed from: ").append(s.description()).append('\n'));
    for (StageReport s : r.stages()) {
      b.append("  stage ")
          .append(s.percent() == 0 ? "pre-traffic" : s.percent() + "%")
          .append(s.passed() ? ": passed" : ": FAILED")
          .append('\n');
      for (GateResult g : s.gates()) {
        b.append("    ")
            .append(g.passed() ? "[pass] " : "[FAIL] ")
            .append(g.gate())
            .append(": ")
            .append(g.message())
            .append('\n');
        for (Measurement m : g.measurements()) {
          b.append("      ").append(m.describe()).append('\n');
        }
      }
    }
    r.failedGate().ifPresent(g -> b.append("  failed gate: ").append(g.gate()).append('\n'));
    return b.toString();
  }
}
