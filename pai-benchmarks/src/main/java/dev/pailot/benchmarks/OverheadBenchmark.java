package dev.pailot.benchmarks;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 1: streaming tokens/s through {@link InferenceClient} against {@link RawSseReader}, the
 * same LocalPai engine (zero step cost, in another JVM), the same concurrency and request. Rounds
 * alternate between the two so drifting machine load hits both. Target: at least 0.9x.
 */
public final class OverheadBenchmark {
  static final int STREAMS = 16;
  static final int MAX_TOKENS = 256;
  static final int ROUNDS = 3;
  static final String PROMPT = "Explain continuous batching in one paragraph.";

  private OverheadBenchmark() {}

  /**
   * Entry point.
   *
   * @param args measured seconds per client (split over the rounds)
   * @throws Exception if the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    double round = seconds / ROUNDS;
    BenchReport report =
        new BenchReport(
            "overhead",
            "Benchmark 1: streaming overhead, InferenceClient vs raw OkHttp SSE reader",
            List.of(
                "round",
                "client",
                "tokens/s",
                "streams/s",
                "CPU s per 1M tokens",
                "p99 stream ms",
                "failures"));
    report.note(
        "setup",
        STREAMS
            + " concurrent streams, "
            + MAX_TOKENS
            + " tokens each, LocalPai engine with zero step cost in a separate JVM, "
            + ROUNDS
            + " alternating rounds of "
            + String.format(java.util.Locale.ROOT, "%.1f", round)
            + " s");
    try (ServerProcess server = ServerProcess.start("fast");
        InferenceClient client =
            InferenceClient.builder().endpoint(server.endpoint).token(server.token).build();
        RawSseReader raw = new RawSseReader(server.endpoint, server.token)) {
      ChatRequest request =
          ChatRequest.builder()
              .user(PROMPT)
              .maxTokens(MAX_TOKENS)
              .putExtraBody("ignore_eos", true)
              .build();
      ClosedLoop.Call ours =
          () -> client.stream(request, d -> {}).result().join().timings().tokensOut();
      ClosedLoop.Call baseline = () -> raw.stream(PROMPT, MAX_TOKENS);
      ClosedLoop.run(STREAMS, 3, ours); // warm-up, both paths
      ClosedLoop.run(STREAMS, 3, baseline);
      List<double[]> totals = new ArrayList<>(List.of(new double[3], new double[3]));
      for (int r = 1; r <= ROUNDS; r++) {
        measure(report, r, "InferenceClient", ours, round, totals.get(0));
        measure(report, r, "raw OkHttp SSE", baseline, round, totals.get(1));
      }
      double oursRate = totals.get(0)[0] / totals.get(0)[1];
      double rawRate = totals.get(1)[0] / totals.get(1)[1];
      double ratio = oursRate / rawRate;
      report.row(
          "all",
          "InferenceClient",
          oursRate,
          "",
          1e6 * totals.get(0)[2] / totals.get(0)[0] / 1e9,
          "",
          "");
      report.row(
          "all",
          "raw OkHttp SSE",
          rawRate,
          "",
          1e6 * totals.get(1)[2] / totals.get(1)[0] / 1e9,
          "",
          "");
      report.verdict(
          "tokens/s >= 0.9x raw OkHttp SSE",
          String.format(java.util.Locale.ROOT, "%.3fx", ratio),
          ratio >= 0.9);
    }
    report.write();
  }

  private static void measure(
      BenchReport report,
      int round,
      String name,
      ClosedLoop.Call call,
      double seconds,
      double[] totals)
      throws InterruptedException {
    ClientCost before = ClientCost.now();
    ClosedLoop.Result r = ClosedLoop.run(STREAMS, seconds, call);
    ClientCost cost = ClientCost.now().minus(before);
    totals[0] += r.units();
    totals[1] += r.seconds();
    totals[2] += cost.cpuNanos();
    report.row(
        round,
        name,
        r.unitsPerSecond(),
        r.callsPerSecond(),
        1e6 * cost.cpuNanos() / Math.max(1, r.units()) / 1e9,
        r.latencies().getIntervalHistogram().getValueAtPercentile(99) / 1e6,
        r.failures() + (r.firstError() == null ? "" : " (" + r.firstError() + ")"));
  }
}
