package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.EngineProfile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load runs of the emulated engine over real HTTP, with a report; not a unit test. Run with {@code
 * mvn -B -q -pl pai-testkit -am -Pbench verify -DskipTests -Dbench=all} ({@code throughput}, {@code
 * batching} or {@code kv} for one part). Writes {@code pai-testkit/target/engine-bench.md}.
 *
 * <ul>
 *   <li>throughput: step cost zero, 1,000 concurrent SSE clients (raw OkHttp + Jackson, same JVM,
 *       same 2 cores), emulated tokens per second received by the clients;
 *   <li>batching: the same hardware model (Qwen2.5-7B on one A10) under continuous and static
 *       batching with varied (exponential, mean 128) output lengths, output tokens per second;
 *   <li>kv: sequences of 1,024 + 1,024 tokens that fit before preemption with fp16 and fp8 KV.
 * </ul>
 */
public final class EngineBenchmark {
  private final StringBuilder report = new StringBuilder();

  private EngineBenchmark() {}

  /**
   * Runs the benchmarks.
   *
   * @param args {@code all}, {@code throughput}, {@code batching} or {@code kv}; then optionally
   *     the measured seconds per run
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    EngineBenchmark b = new EngineBenchmark();
    b.line("# LocalPai engine benchmark");
    b.line("");
    b.line(
        "CPUs: "
            + Runtime.getRuntime().availableProcessors()
            + ", Java "
            + System.getProperty("java.version")
            + ", measured "
            + seconds
            + " s per run.");
    if (which.equals("all") || which.equals("throughput")) {
      b.throughput(1000, seconds);
    }
    if (which.equals("all") || which.equals("batching")) {
      b.batching(256, seconds);
    }
    if (which.equals("all") || which.equals("kv")) {
      KvFitBenchmark.run(b::line, seconds);
    }
    Path out = Path.of("target", "engine-bench.md");
    Files.writeString(out, b.report.toString(), StandardCharsets.UTF_8);
    System.out.println("report written to " + out.toAbsolutePath());
  }

  void line(String s) {
    System.out.println(s);
    report.append(s).append('\n');
  }

  private void throughput(int clients, int seconds) throws Exception {
    Map<String, String> env =
        Map.of(
            "LOCALPAI_STEP_BASE_US", "0",
            "LOCALPAI_STEP_PER_SEQ_US", "0",
            "LOCALPAI_PREFILL_US_PER_TOKEN", "0");
    ObjectNode body = chatBody("Stream as fast as you can.", 200).put("ignore_eos", true);
    line("");
    line("## Throughput: " + clients + " concurrent SSE clients, step cost 0");
    try (EngineHarness engine =
        EngineHarness.start(Specs.vllm("--max-num-seqs 1024", env), EngineProfile.defaults(), 2)) {
      Run run = run(engine, body, clients, seconds);
      line(
          String.format(
              Locale.ROOT,
              "- tokens/s received by clients: **%,.0f** (%,d tokens, %,d requests, %d errors)",
              run.tokensPerSecond,
              run.tokens,
              run.requests,
              run.errors));
      line(
          String.format(
              Locale.ROOT,
              "- engine: peak running sequences %d, steps %,d; process CPU %.2f cores",
              run.peakRunning,
              run.steps,
              run.cpuCores));
      line(String.format(Locale.ROOT, "- TTFT p50 %.1f ms, p99 %.1f ms", run.ttftP50, run.ttftP99));
    }
  }

  private void batching(int clients, int seconds) throws Exception {
    line("");
    line(
        "## Continuous vs static batching: Qwen2.5-7B, one A10 (24 GB), fp16 KV, "
            + clients
            + " clients");
    line(
        "Step = 2000 us + 15 us x batch + 5 us x prefill token; prompt ~200 tokens; "
            + "max_tokens 1024; natural output length exponential, mean 128 tokens.");
    double continuous = batchingRun("continuous", clients, seconds);
    double staticTps = batchingRun("static", clients, seconds);
    line(String.format(Locale.ROOT, "- **continuous / static = %.1fx**", continuous / staticTps));
  }

  private double batchingRun(String mode, int clients, int seconds) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LOCALPAI_STEP_BASE_US", "2000");
    env.put("LOCALPAI_STEP_PER_SEQ_US", "15");
    env.put("LOCALPAI_PREFILL_US_PER_TOKEN", "5");
    env.put("LOCALPAI_EOS_MEAN_TOKENS", "128");
    env.put("LOCALPAI_BATCHING", mode);
    ObjectNode spec =
        Specs.vllm(
            "--model /models/Qwen2.5-7B-Instruct --max-num-seqs 256 --max-model-len 4096", env);
    ObjectNode body = chatBody("Explain the scheduling of an LLM engine. ".repeat(20), 1024);
    try (EngineHarness engine = EngineHarness.start(spec, EngineProfile.defaults(), 2)) {
      Run run = run(engine, body, clients, seconds);
      line(
          String.format(
              Locale.ROOT,
              "- %s: **%,.0f output tokens/s**, %,d requests done, peak running %d of %d clients,"
                  + " KV blocks %d, preemptions %.0f, TTFT p50 %.0f ms p99 %.0f ms, batches formed %d",
              mode,
              run.tokensPerSecond,
              run.requests,
              run.peakRunning,
              clients,
              run.kvBlocks,
              run.preemptions,
              run.ttftP50,
              run.ttftP99,
              run.batches));
      return run.tokensPerSecond;
    }
  }

  static ObjectNode chatBody(String prompt, int maxTokens) {
    ObjectNode body = Specs.JSON.createObjectNode().put("model", "qwen");
    body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    return body.put("max_tokens", maxTokens).put("stream", true);
  }

  /** Warm up 5 s, then measure for {@code seconds}. */
  static Run run(EngineHarness engine, ObjectNode body, int clients, int seconds)
      throws InterruptedException {
    SseLoadClient load =
        new SseLoadClient(engine.uri("/v1/chat/completions"), body.toString(), clients);
    CountDownLatch done = load.start(clients);
    Thread.sleep(5_000);
    load.recordFromNow();
    long t0 = System.nanoTime();
    long tokens0 = load.tokens.sum();
    long requests0 = load.requests.sum();
    long cpu0 = cpuNanos();
    Thread.sleep(seconds * 1000L);
    long elapsed = System.nanoTime() - t0;
    Run run = new Run();
    run.tokens = load.tokens.sum() - tokens0;
    run.requests = load.requests.sum() - requests0;
    run.cpuCores = (cpuNanos() - cpu0) / (double) elapsed;
    run.tokensPerSecond = run.tokens / (elapsed / 1e9);
    EngineStats stats = engine.stats();
    run.peakRunning = stats.peakRunning();
    run.peakBeforePreemption = stats.peakRunningBeforePreemption();
    run.steps = stats.steps();
    run.kvBlocks = stats.kvBlocksTotal();
    run.batches = stats.batchesFormed();
    run.preemptions = EngineBehaviourTest.metric(engine, "vllm:num_preemptions_total");
    // Errors after this point are the clients cut off by the shutdown below.
    run.errors = load.errors.sum();
    load.stop();
    engine.close();
    done.await(30, TimeUnit.SECONDS);
    double[] ttft = load.ttftMillis();
    run.ttftP50 = SseLoadClient.percentile(ttft, 0.50);
    run.ttftP99 = SseLoadClient.percentile(ttft, 0.99);
    load.close();
    return run;
  }

  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }

  /** One measured run. */
  static final class Run {
    long tokens;
    long requests;
    long errors;
    double tokensPerSecond;
    double cpuCores;
    double ttftP50;
    double ttftP99;
    int peakRunning;
    int peakBeforePreemption;
    long steps;
    int kvBlocks;
    long batches;
    double preemptions;
  }
}
