package dev.pailot.rag.store.bench;

import java.util.List;
import java.util.Map;

/** The human-readable form of a retrieval benchmark report. */
final class BenchReport {
  private BenchReport() {}

  @SuppressWarnings("unchecked")
  static String text(Map<String, Object> report) {
    StringBuilder b = new StringBuilder();
    Map<String, Object> params = (Map<String, Object>) report.get("params");
    b.append("Retrieval benchmark\n");
    params.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
    b.append("  load at start: ").append(report.get("loadAtStart")).append('\n');
    Map<String, Object> exact = (Map<String, Object>) report.get("exact");
    b.append(
        String.format(
            "exact baseline: %s, p50 %.1f ms, p99 %.1f ms over %s queries%n",
            exact.get("store"), exact.get("p50Ms"), exact.get("p99Ms"), exact.get("queries")));
    b.append(
        String.format(
            "%-8s %6s %9s %9s %9s %10s %9s %9s %10s %10s%n",
            "vectors",
            "cands",
            "p50 ms",
            "p99 ms",
            "max ms",
            "recall@K",
            "min rec",
            "heap MB",
            "disk MB",
            "build s"));
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("hnsw")) {
      Map<String, Object> disk = (Map<String, Object>) row.get("disk");
      Map<String, Object> build = (Map<String, Object>) row.get("build");
      b.append(
          String.format(
              "%-8s %4s %6s %9.2f %9.2f %9.2f %10.4f %9.2f %9.0f %10.0f %10.0f%n",
              row.get("precision"),
              row.get("segments"),
              row.get("numCandidates"),
              row.get("p50Ms"),
              row.get("p99Ms"),
              row.get("maxMs"),
              row.get("recallAtK"),
              row.get("recallMin"),
              row.get("heapUsedMb"),
              ((Number) disk.get("total")).doubleValue() / 1048576,
              ((Number) build.get("buildSeconds")).doubleValue()));
    }
    b.append("load at end: ").append(report.get("loadAtEnd")).append('\n');
    return b.toString();
  }
}
