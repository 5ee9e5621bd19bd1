package dev.pailot.serving.load.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.serving.load.LatencySummary;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.RunResult;
import dev.pailot.serving.load.Slo;
import java.time.Duration;
import java.util.Optional;

/** Renders a {@link LoadReport} as JSON; durations in milliseconds, rates per second. */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /**
   * The report as JSON.
   *
   * @param report the report
   * @return JSON text
   */
  public static String render(LoadReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", report.title());
    root.put("sweepVariable", report.sweepVariable());
    slo(root.putObject("slo"), report.slo());
    ObjectNode notes = root.putObject("notes");
    report.notes().forEach(notes::put);
    report
        .knee()
        .ifPresent(
            k -> root.putObject("knee").put("label", k.label()).put("sweepValue", k.sweepValue()));
    var runs = root.putArray("runs");
    report.runs().forEach(r -> run(runs.addObject(), r));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the load report as JSON", e);
    }
  }

  private static void slo(ObjectNode node, Slo slo) {
    slo.timeToFirstToken().ifPresent(d -> node.put("timeToFirstTokenMs", ms(d)));
    slo.timePerOutputToken().ifPresent(d -> node.put("timePerOutputTokenMs", ms(d)));
    slo.endToEnd().ifPresent(d -> node.put("endToEndMs", ms(d)));
  }

  private static void run(ObjectNode node, RunResult r) {
    node.put("label", r.label())
        .put("sweepValue", r.sweepValue())
        .put("offeredRate", r.offeredRate())
        .put("elapsedSeconds", r.elapsed().toNanos() / 1e9)
        .put("requests", r.requests())
        .put("succeeded", r.succeeded())
        .put("failed", r.failed())
        .put("good", r.good())
        .put("goodShare", r.goodShare())
        .put("warmupRequests", r.warmupRequests())
        .put("peakInFlight", r.peakInFlight())
        .put("throughput", r.throughput())
        .put("goodput", r.goodput())
        .put("outputTokensPerSecond", r.outputTokensPerSecond());
    latency(node, "timeToFirstTokenMs", r.timeToFirstToken());
    latency(node, "timePerOutputTokenMs", r.timePerOutputToken());
    latency(node, "endToEndMs", r.endToEnd());
    latency(node, "sendLagMs", r.sendLag());
    ObjectNode errors = node.putObject("errors");
    r.errors().forEach(errors::put);
  }

  private static void latency(ObjectNode node, String name, Optional<LatencySummary> summary) {
    summary.ifPresent(
        s ->
            node.putObject(name)
                .put("count", s.count())
                .put("mean", ms(s.mean()))
                .put("p50", ms(s.p50()))
                .put("p90", ms(s.p90()))
                .put("p99", ms(s.p99()))
                .put("max", ms(s.max())));
  }

  static double ms(Duration d) {
    return Math.round(d.toNanos() / 1e3) / 1e3;
  }
}
