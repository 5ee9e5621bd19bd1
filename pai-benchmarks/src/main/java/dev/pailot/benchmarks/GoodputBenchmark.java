package dev.pailot.benchmarks;

import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.EngineMetricsSteering;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.InferenceClientBuilder;
import dev.pailot.serving.client.Transport;
import dev.pailot.serving.load.ArrivalProcess;
import dev.pailot.serving.load.LengthDistribution;
import dev.pailot.serving.load.LoadGenerator;
import dev.pailot.serving.load.LoadReport;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.LoadTarget;
import dev.pailot.serving.load.RunResult;
import dev.pailot.serving.load.Slo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 3: goodput at 1.5x the engine's capacity, Poisson arrivals, TTFT SLO 1 s: adaptive
 * admission (plain, steered by the engine's {@code /metrics}, and steered to a time-to-first-token
 * target of half the SLO, as recommended, and of the whole SLO) vs the best fixed concurrency limit
 * found by a sweep vs unlimited concurrency.
 *
 * <p>Engine (LocalPai, another JVM): Qwen2.5-7B profile on one A10 with the KV cache pinned to
 * {@value #KV_BLOCKS} blocks of 16 tokens, {@code --max-num-seqs 256}; a step costs 8 ms + 60 µs
 * per running sequence + 20 µs per prompt token. Requests: 256 prompt + 128 output tokens = 24
 * blocks, so about 66 sequences fit before vLLM-style preemption starts. Capacity is measured first
 * (saturating open-loop run, client limit 64, no SLO); the offered rate is 1.5x that.
 *
 * <p>Every configuration uses the same client otherwise: per-request deadline {@value #DEADLINE_S}
 * s, at most {@value #MAX_QUEUED} queued in the client; with the argument {@code nio} (the
 * launcher's {@code goodput-nio}) on {@code Transport.APACHE_ASYNC} with {@code directListeners},
 * its reports named {@code goodput-nio*}.
 */
public final class GoodputBenchmark {
  static final int KV_BLOCKS = 1600;
  static final String ENGINE_SCRIPT =
      "vllm serve /mnt/model --max-num-seqs 256 --max-model-len 4096 --num-gpu-blocks-override "
          + KV_BLOCKS;
  static final int DEADLINE_S = 4;
  static final Duration TTFT_SLO = Duration.ofSeconds(1);
  static final int MAX_QUEUED = 16;
  static final double CAPACITY = 35;
  static final int UNLIMITED = 1024;
  static final List<Integer> FIXED = List.of(16, 32, 48, 64, 96, 128);

  /** Whether the clients run on {@code Transport.APACHE_ASYNC} with direct listeners. */
  private static boolean nio;

  private GoodputBenchmark() {}

  static Map<String, String> engineCosts() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LOCALPAI_STEP_BASE_US", "8000");
    env.put("LOCALPAI_STEP_PER_SEQ_US", "60");
    env.put("LOCALPAI_PREFILL_US_PER_TOKEN", "20");
    return env;
  }

  /**
   * Entry point.
   *
   * @param args measured seconds per run, then optionally {@code nio}
   * @throws Exception if the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
    nio = args.length > 1 && args[1].equals("nio");
    String name = nio ? "goodput-nio" : "goodput";
    Path out = Path.of("target", "bench");
    BenchReport report =
        new BenchReport(
            name,
            "Benchmark 3: goodput at 1.5x capacity (TTFT SLO 1 s): adaptive vs best fixed vs unlimited"
                + (nio ? ", Transport.APACHE_ASYNC with directListeners" : ""),
            List.of(
                "client",
                "offered/s",
                "ok/s",
                "goodput/s",
                "good %",
                "TTFT p50 ms",
                "TTFT p99 ms",
                "failed",
                "errors"));
    try (ServerProcess server = ServerProcess.start("goodput")) {
      LoadSpec base =
          LoadSpec.builder()
              .arrivals(ArrivalProcess.poisson(1))
              .warmup(Duration.ofSeconds(10))
              .duration(Duration.ofMillis((long) (seconds * 1000)))
              .promptTokens(LengthDistribution.fixed(256))
              .outputTokens(LengthDistribution.fixed(128))
              .slo(Slo.builder().timeToFirstToken(TTFT_SLO).build())
              .drainTimeout(Duration.ofSeconds(DEADLINE_S + 5))
              .build();
      double offered = 1.5 * CAPACITY;
      report.note(
          "engine", ENGINE_SCRIPT + ", " + engineCosts() + ", Qwen2.5-7B profile on an A10");
      report.note(
          "capacity",
          f(
              "%.0f req/s from the step model (GoodputBenchmark Javadoc); compare the best fixed run's ok/s",
              CAPACITY));
      report.note(
          "offered",
          f(
              "%.1f req/s Poisson (1.5x capacity), %s s measured after 10 s warm-up; deadline %d s, maxQueued %d",
              offered, seconds, DEADLINE_S, MAX_QUEUED));
      LoadSpec spec = base.toBuilder().arrivals(ArrivalProcess.poisson(offered)).build();

      LoadReport sweep =
          LoadGenerator.sweepConcurrency(
              "Fixed concurrency sweep at 1.5x capacity",
              spec,
              FIXED,
              limit -> target(server, builder(server).concurrencyLimit(limit)));
      sweep.writeTo(out, name + "-fixed-sweep");
      RunResult best =
          sweep.runs().stream()
              .max((a, b) -> Double.compare(a.goodput(), b.goodput()))
              .orElseThrow();
      AdaptiveConcurrency adaptiveLimit = AdaptiveConcurrency.of(4, 32, 256);
      RunResult adaptive =
          sampled(
              report, server, spec, "adaptive", builder(server).adaptiveConcurrency(adaptiveLimit));
      RunResult steered =
          sampled(
              report,
              server,
              spec,
              "adaptive + engine steering",
              builder(server)
                  .adaptiveConcurrency(adaptiveLimit)
                  .steerByEngineMetrics(EngineMetricsSteering.defaults()));
      RunResult targeted =
          sampled(
              report,
              server,
              spec,
              "adaptive + TTFT target SLO/2",
              builder(server)
                  .adaptiveConcurrency(adaptiveLimit.withFirstTokenTarget(TTFT_SLO.dividedBy(2))));
      RunResult targetedAtSlo =
          sampled(
              report,
              server,
              spec,
              "adaptive + TTFT target SLO",
              builder(server).adaptiveConcurrency(adaptiveLimit.withFirstTokenTarget(TTFT_SLO)));
      RunResult unlimited =
          run(server, spec, "unlimited", builder(server).concurrencyLimit(UNLIMITED));

      List<RunResult> all = new ArrayList<>(sweep.runs());
      all.add(adaptive);
      all.add(steered);
      all.add(targeted);
      all.add(targetedAtSlo);
      all.add(unlimited);
      for (RunResult r : all) {
        row(report, r.label() + (r == best ? " (best fixed)" : ""), r);
      }
      for (RunResult r : List.of(adaptive, steered, targeted, targetedAtSlo, unlimited)) {
        LoadReport.builder()
            .title("Goodput at 1.5x capacity: " + r.label())
            .addRuns(r)
            .slo(spec.slo())
            .build()
            .writeTo(
                out,
                name + "-" + r.label().replace(" + ", "-").replace('/', '-').replace(' ', '-'));
      }
      for (RunResult r : List.of(adaptive, steered, targeted, targetedAtSlo)) {
        double vsBest = r.goodput() / best.goodput();
        report.verdict(
            r.label() + " goodput >= 0.9x best fixed (" + best.label() + ")",
            f("%.2f vs %.2f req/s = %.2fx", r.goodput(), best.goodput(), vsBest),
            vsBest >= 0.9);
      }
      // With no good request at all from unlimited, any goodput of adaptive's is more than 2x.
      boolean twiceUnlimited =
          adaptive.goodput() > 0 && adaptive.goodput() >= 2 * unlimited.goodput();
      report.verdict(
          "adaptive goodput >= 2x unlimited",
          f("%.2f vs %.2f req/s", adaptive.goodput(), unlimited.goodput()),
          twiceUnlimited);
    }
    report.write();
  }

  /** Runs a client with an adaptive limit, noting how its limit moved while measuring. */
  private static RunResult sampled(
      BenchReport report,
      ServerProcess server,
      LoadSpec spec,
      String label,
      InferenceClientBuilder client)
      throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LimitSampler limits = LimitSampler.start(registry, spec.warmup());
    RunResult result = run(server, spec, label, client.meterRegistry(registry));
    report.note(label + " client while measuring", limits.stop());
    return result;
  }

  private static RunResult run(
      ServerProcess server, LoadSpec spec, String label, InferenceClientBuilder client) {
    try (LoadTarget target = target(server, client);
        LoadGenerator load = LoadGenerator.create(target)) {
      return load.run(spec.toBuilder().label(label).build());
    }
  }

  private static InferenceClientBuilder builder(ServerProcess server) {
    return InferenceClient.builder()
        .endpoint(server.endpoint)
        .token(server.token)
        .maxRequests(UNLIMITED)
        .maxRequestsPerHost(UNLIMITED)
        .maxQueued(MAX_QUEUED)
        .transport(nio ? Transport.APACHE_ASYNC : Transport.OKHTTP)
        .directListeners(nio);
  }

  private static LoadTarget target(ServerProcess server, InferenceClientBuilder builder) {
    InferenceClient client = builder.build();
    return LoadTarget.chatStream(client, b -> b.deadline(Duration.ofSeconds(DEADLINE_S)))
        .closing(client);
  }

  private static void row(BenchReport report, String name, RunResult r) {
    report.row(
        name,
        r.offeredRate(),
        r.throughput(),
        r.goodput(),
        100 * r.goodShare(),
        r.timeToFirstToken().map(s -> s.p50().toNanos() / 1e6).orElse(Double.NaN),
        r.timeToFirstToken().map(s -> s.p99().toNanos() / 1e6).orElse(Double.NaN),
        r.failed(),
        r.errors().toString());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
