package dev.pailot.benchmarks;

import com.aliyun.openservices.eas.predict.http.HttpConfig;
import com.aliyun.openservices.eas.predict.http.PredictClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.PredictRequest;
import dev.pailot.serving.client.PredictResult;
import dev.pailot.serving.client.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 2: peers on the same local endpoints, for one transport of the client per JVM (the
 * launcher's {@code peers} runs one JVM per transport). (a) Raw predict against a minimal echo
 * endpoint: the official EAS Java SDK's {@code PredictClient} vs {@code InferenceClient.predict},
 * closed loops at concurrency 1, 16 and 64. (b) Streaming chat from the zero-cost LocalPai engine:
 * the official OpenAI Java SDK vs {@code InferenceClient.stream} (with {@code directListeners} on
 * {@code APACHE_ASYNC}), 16 streams: tokens/s, process CPU and allocated bytes per token. Both
 * servers run in another JVM.
 *
 * <p>One transport per JVM because the two share the client's exchange code: whichever the JIT
 * compiles first keeps the better-fitted code, and the other ran 5-10 % slower at one caller when
 * both ran in one JVM (the order decided which; a probe swapping the order, 2026-11-29).
 */
public final class PeersBenchmark {
  static final byte[] BODY =
      ("{\"instances\": [{\"text\": \"" + "pailot benchmark payload ".repeat(8) + "\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * Seconds each client runs before each measured concurrency: both clients share this JVM, and on
   * two cores its JIT compiler needs several seconds before either reaches its steady rate.
   */
  static final int WARM_UP_SECONDS = 5;

  /** Paired rounds per concurrency (see {@link PairedRounds}). */
  static final int ROUNDS = 5;

  private static final String OURS = "InferenceClient";

  private PeersBenchmark() {}

  /**
   * Entry point.
   *
   * @param args seconds: 2a measures {@code seconds / 2} of ours per concurrency (and twice that of
   *     the EAS SDK), 2b each client for {@code seconds / 2}; then the transport ({@code OKHTTP}
   *     unless given)
   * @throws Exception if the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    Transport transport = args.length > 1 ? Transport.valueOf(args[1]) : Transport.OKHTTP;
    String suffix = "-" + transport.name().toLowerCase(Locale.ROOT).replace('_', '-');
    String ours = transport == Transport.OKHTTP ? OURS : OURS + ", APACHE_ASYNC";
    BenchReport predict =
        new BenchReport(
            "peers-predict" + suffix,
            "Benchmark 2a: raw predict, EAS Java SDK PredictClient 2.0.3 vs InferenceClient.predict"
                + " on Transport."
                + transport,
            List.of("concurrency", "client", "req/s", "p50 ms", "p99 ms", "failures"));
    predict.note(
        "setup",
        "a minimal Netty echo endpoint (/api/predict/bench_echo, any Authorization accepted) in a separate JVM: PredictClient 2.0.3 signs requests (HMAC-SHA1 Authorization with Content-MD5 and Date), which LocalPai's gateway does not verify (401); "
            + BODY.length
            + "-byte JSON body, closed loop; per concurrency a "
            + WARM_UP_SECONDS
            + " s warm-up of each client, then "
            + ROUNDS
            + " rounds of EAS SDK, "
            + ours
            + ", EAS SDK again, "
            + seconds / (2 * ROUNDS)
            + " s each");
    predict.note(
        "verdicts",
        "each round compares "
            + ours
            + " with the mean of the two EAS SDK runs around it; a verdict takes the median of"
            + " those ratios over the rounds (no tolerance). The A/A line is the EAS SDK's second"
            + " run against its first in the same rounds: how far one client differs from itself"
            + " between runs here, i.e. the noise in each ratio");
    try (ServerProcess server = ServerProcess.start("raw-echo");
        InferenceClient client = server.client(transport)) {
      PredictClient eas = easClient(server);
      PredictRequest request = PredictRequest.builder().body(BODY).build();
      ClosedLoop.Call easCall =
          () -> {
            byte[] answer = eas.predict(BODY);
            return answer != null && answer.length > 0 ? 1 : 0;
          };
      ClosedLoop.Call oursCall = () -> check(client.predict(request));
      for (int concurrency : List.of(1, 16, 64)) {
        ClosedLoop.run(concurrency, WARM_UP_SECONDS, easCall);
        ClosedLoop.run(concurrency, WARM_UP_SECONDS, oursCall);
        PairedRounds p =
            PairedRounds.run(ROUNDS, concurrency, seconds / (2 * ROUNDS), easCall, oursCall);
        row(predict, concurrency, "EAS SDK PredictClient", p.totals(true));
        row(predict, concurrency, ours, p.totals(false));
        String who = ours + " c=" + concurrency;
        double rate = p.medianRateRatio();
        double p99 = p.medianP99Ratio();
        predict.verdict(
            who + " request rate >= EAS SDK",
            f(
                "median of %d paired rounds %.3fx (A/A: EAS SDK vs itself differs by %.1f %% in"
                    + " the median round)",
                ROUNDS, rate, 100 * p.medianControlRateDiff()),
            rate >= 1);
        predict.verdict(
            who + " p99 <= EAS SDK",
            f(
                "median of %d paired rounds %.3fx (A/A: %.1f %%)",
                ROUNDS, p99, 100 * p.medianControlP99Diff()),
            p99 <= 1);
      }
      eas.shutdown();
    }
    predict.write();
    streaming(seconds, transport, suffix, ours);
  }

  private static void streaming(double seconds, Transport transport, String suffix, String ours)
      throws Exception {
    int streams = 16;
    int maxTokens = 256;
    BenchReport report =
        new BenchReport(
            "peers-openai" + suffix,
            "Benchmark 2b: streaming chat, OpenAI Java SDK 4.8.0 vs InferenceClient on Transport."
                + transport
                + (transport == Transport.APACHE_ASYNC ? " with directListeners" : ""),
            List.of(
                "round",
                "client",
                "tokens/s",
                "CPU s per 1M tokens",
                "alloc MB per 1M tokens",
                "failures"));
    report.note(
        "setup",
        streams
            + " concurrent streams of "
            + maxTokens
            + " tokens from the zero-cost LocalPai engine in a separate JVM; CPU = this JVM's process CPU time; allocation = HotSpot per-thread allocated bytes (live client threads plus the worker threads); 2 alternating rounds of "
            + seconds / 2
            + " s");
    try (ServerProcess server = ServerProcess.start("fast");
        InferenceClient client = server.client(transport, transport == Transport.APACHE_ASYNC)) {
      OpenAIClient openai =
          OpenAIOkHttpClient.builder()
              .baseUrl(server.endpoint + "/v1")
              .apiKey(server.token)
              .maxRetries(0)
              .build();
      String prompt = OverheadBenchmark.PROMPT;
      ChatRequest request =
          ChatRequest.builder()
              .user(prompt)
              .maxTokens(maxTokens)
              .putExtraBody("ignore_eos", true)
              .build();
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("qwen")
              .addUserMessage(prompt)
              .maxCompletionTokens(maxTokens)
              .build();
      ClosedLoop.Call openaiCall =
          () -> {
            try (StreamResponse<ChatCompletionChunk> s =
                openai.chat().completions().createStreaming(params)) {
              return s.stream()
                  .flatMap(c -> c.choices().stream())
                  .filter(c -> c.delta().content().filter(t -> !t.isEmpty()).isPresent())
                  .count();
            }
          };
      List<String> names =
          List.of(
              "OpenAI Java SDK",
              transport == Transport.APACHE_ASYNC ? ours + " + directListeners" : ours);
      List<ClosedLoop.Call> calls =
          List.of(
              openaiCall,
              () -> client.stream(request, d -> {}).result().join().timings().tokensOut());
      for (ClosedLoop.Call call : calls) {
        ClosedLoop.run(streams, 3, call);
      }
      // tokens, seconds, CPU nanoseconds, allocated bytes
      List<double[]> totals = List.of(new double[4], new double[4]);
      for (int round = 1; round <= 2; round++) {
        for (int i = 0; i < calls.size(); i++) {
          measureStream(
              report, round, names.get(i), calls.get(i), streams, seconds / 2, totals.get(i));
        }
      }
      for (int i = 0; i < calls.size(); i++) {
        double[] t = totals.get(i);
        report.row("all", names.get(i), t[0] / t[1], 1e6 * t[2] / t[0] / 1e9, t[3] / t[0], "");
      }
      double[] a = totals.get(0);
      for (int i = 1; i < calls.size(); i++) {
        double[] o = totals.get(i);
        double oRate = o[0] / o[1];
        double aRate = a[0] / a[1];
        report.verdict(
            names.get(i) + " tokens/s >= OpenAI SDK",
            f("%.0f vs %.0f (%.2fx)", oRate, aRate, oRate / aRate),
            oRate >= aRate);
        report.verdict(
            names.get(i) + " CPU per token lower than OpenAI SDK",
            f("%.2f vs %.2f µs/token", o[2] / o[0] / 1e3, a[2] / a[0] / 1e3),
            o[2] / o[0] < a[2] / a[0]);
        report.verdict(
            names.get(i) + " allocation per token lower than OpenAI SDK",
            f("%.0f vs %.0f bytes/token", o[3] / o[0], a[3] / a[0]),
            o[3] / o[0] < a[3] / a[0]);
      }
      openai.close();
    }
    report.write();
  }

  private static void measureStream(
      BenchReport report,
      int round,
      String name,
      ClosedLoop.Call call,
      int streams,
      double seconds,
      double[] totals)
      throws InterruptedException {
    ClientCost before = ClientCost.now();
    ClosedLoop.Result r = ClosedLoop.run(streams, seconds, call);
    ClientCost cost = ClientCost.now().minus(before);
    long allocated = cost.allocatedBytes() + r.workerAllocatedBytes();
    totals[0] += r.units();
    totals[1] += r.seconds();
    totals[2] += cost.cpuNanos();
    totals[3] += allocated;
    report.row(
        round,
        name,
        r.unitsPerSecond(),
        1e6 * cost.cpuNanos() / Math.max(1, r.units()) / 1e9,
        1e6 * allocated / Math.max(1, r.units()) / 1e6,
        r.failures() + (r.firstError() == null ? "" : " (" + r.firstError() + ")"));
  }

  private static PredictClient easClient(ServerProcess server) {
    HttpConfig config = new HttpConfig();
    config.setMaxConnectionCount(256);
    config.setMaxConnectionPerRoute(256);
    config.setReadTimeout(30_000);
    return new PredictClient(config)
        .setEndpoint(server.host)
        .setModelName(server.service)
        .setToken(server.token)
        .setRetryCount(0);
  }

  private static long check(PredictResult result) {
    if (result.status() != 200) {
      throw new IllegalStateException("HTTP " + result.status());
    }
    return 1;
  }

  private static void row(BenchReport report, int concurrency, String name, PairedRounds.Totals t) {
    report.row(concurrency, name, t.rate(), t.p50(), t.p99(), t.failures());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
