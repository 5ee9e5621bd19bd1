package dev.pailot.benchmarks;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.Transport;
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
            "Benchmark 1: streaming overhead, InferenceClient (both transports, and APACHE_ASYNC"
                + " with directListeners) vs raw OkHttp SSE reader",
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
        InferenceClient client = server.client(Transport.OKHTTP);
        InferenceClient nio = server.client(Transport.APACHE_ASYNC);
        InferenceClient direct = server.client(Transport.APACHE_ASYNC, true);
        RawSseReader raw = new RawSseReader(server.endpoint, server.token)) {
      ChatRequest request =
          ChatRequest.builder()
              .user(PROMPT)
              .maxTokens(MAX_TOKENS)
              .putExtraBody("ignore_eos", true)
              .build();
      List<String> names =
          List.of(
              "InferenceClient",
              "InferenceClient, APACHE_ASYNC",
              "InferenceClient, APACHE_ASYNC + directListeners",
              "raw OkHttp SSE");
      List<ClosedLoop.Call> calls =
          List.of(
              () -> client.stream(request, d -> {}).result().join().timings().tokensOut(),
              () -> nio.stream(request, d -> {}).result().join().timings().tokensOut(),
              () -> direct.stream(request, d -> {}).result().join().timings().tokensOut(),
              () -> raw.stream(PROMPT, MAX_TOKENS));
      for (ClosedLoop.Call call : calls) {
        ClosedLoop.run(STREAMS, 3, call); // warm-up, every path
      }
      List<double[]> totals = new ArrayList<>();
      calls.forEach(c -> totals.add(new double[3]));
      for (int r = 1; r <= ROUNDS; r++) {
        for (int i = 0; i < calls.size(); i++) {
          measure(report, r, names.get(i), calls.get(i), round, totals.get(i));
        }
      }
      for (int i = 0; i < calls.size(); i++) {
        double[] t = totals.get(i);
        report.row("all", names.get(i), t[0] / t[1], "", 1e6 * t[2] / t[0] / 1e9, "", "");
      }
      double[] base = totals.get(calls.size() - 1);
      for (int i = 0; i < calls.size() - 1; i++) {
        double ratio = (totals.get(i)[0] / totals.get(i)[1]) / (base[0] / base[1]);
        report.verdict(
            names.get(i) + " tokens/s >= 0.9x raw OkHttp SSE",
            String.format(java.util.Locale.ROOT, "%.3fx", ratio),
            ratio >= 0.9);
      }
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
