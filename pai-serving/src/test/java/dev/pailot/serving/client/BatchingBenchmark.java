package dev.pailot.serving.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Benchmark 5 of issue #6: embedding micro-batching against one call per item, side by side in one
 * run, on LocalPai's embedding engine behind the EAS gateway (a device that runs calls one after
 * another, each costing a fixed overhead plus a cost per input). Not a unit test: run it with
 * {@code mvn -B -q -pl pai-serving -am -Pbench-batching verify -DskipTests} (see docs/client.md,
 * "Micro-batching"). Writes {@code target/bench-batching/report.json} and {@code report.txt}.
 *
 * <p>Phases: (1) baseline, closed loop: {@code callers} outstanding single-text {@code embedAsync}
 * calls; (2) batched, closed loop: the same callers through an {@link EmbeddingBatcher}; (3)
 * batched, open loop: texts arrive at a fixed rate, to measure the wait batching adds. Each phase
 * has its own client and registry after a warm-up on a throwaway client.
 */
public final class BatchingBenchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long CALL_MICROS = 3_000;
  private static final long ITEM_MICROS = 400;
  private static final int CALLERS = 256;
  private static final BatchSettings SETTINGS =
      BatchSettings.builder()
          .maxItems(64)
          .maxTokens(8192)
          .maxWait(Duration.ofMillis(5))
          .maxInFlight(4)
          .build();

  private final LocalEas eas;
  private final String endpoint;
  private final String token;
  private final int seconds;

  private BatchingBenchmark(LocalEas eas, int seconds) {
    this.eas = eas;
    this.endpoint = eas.endpoint("embed");
    this.token = eas.token("embed");
    this.seconds = seconds;
  }

  /**
   * Runs the benchmark.
   *
   * @param args seconds per phase (default 10), open-loop rate in texts/s (default 1000), vector
   *     dimensions (default 384)
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int dims = args.length > 2 ? Integer.parseInt(args[2]) : 384;
    String loadBefore = load();
    try (LocalEas eas = LocalEas.start()) {
      eas.create(
          LocalEas.image(
              "embed",
              "ghcr.io/huggingface/text-embeddings-inference:1.5",
              "text-embeddings-router --model-id BAAI/bge-small-en-v1.5",
              Map.of(
                  "LOCALPAI_POOLING_CALL_US", "" + CALL_MICROS,
                  "LOCALPAI_POOLING_ITEM_US", "" + ITEM_MICROS,
                  "LOCALPAI_EMBEDDING_DIM", "" + dims)));
      eas.awaitRunning("embed");
      BatchingBenchmark b = new BatchingBenchmark(eas, seconds);
      long idle = cpuNanos();
      Thread.sleep(3_000);
      double idleCores = round((cpuNanos() - idle) / 3e9); // LocalPai's own background work
      ObjectNode report = JSON.createObjectNode();
      report.put("command", "mvn -B -q -pl pai-serving -am -Pbench-batching verify -DskipTests");
      report.put("loadBefore", loadBefore);
      report.put("cores", Runtime.getRuntime().availableProcessors());
      report.put("idleCpuCores", idleCores);
      report
          .putObject("engine")
          .put("callMicros", CALL_MICROS)
          .put("itemMicros", ITEM_MICROS)
          .put("model", "bge-small-en-v1.5, emulated")
          .put("dimensions", dims);
      report
          .putObject("settings")
          .put("maxItems", SETTINGS.maxItems())
          .put("maxTokens", SETTINGS.maxTokens())
          .put("maxWaitMs", SETTINGS.maxWait().toMillis())
          .put("maxInFlight", SETTINGS.maxInFlight())
          .put("callers", CALLERS)
          .put("secondsPerPhase", seconds);
      ObjectNode baseline = b.closedLoop(c -> text -> c.embedAsync(single(text)).thenApply(r -> 1));
      ObjectNode batched = b.closedLoop(c -> batcherFn(c));
      ObjectNode open = b.openLoop(rate);
      report.set("baseline", baseline);
      report.set("batched", batched);
      report.set("openLoop", open);
      double speedup =
          batched.get("itemsPerSecond").asDouble() / baseline.get("itemsPerSecond").asDouble();
      double bound =
          SETTINGS.maxWait().toNanos() / 1e6 + open.get("batchCallMs").get("p99").asDouble();
      boolean waitOk = open.get("addedWaitMs").get("p99").asDouble() <= bound;
      report.put("speedup", round(speedup));
      report.put("waitBoundMs", round(bound));
      report.put("speedupAtLeast5x", speedup >= 5);
      report.put("p99WaitWithinMaxWaitPlusOneBatch", waitOk);
      report.put("loadAfter", load());
      write(report);
      System.exit(speedup >= 5 && waitOk ? 0 : 1);
    }
  }

  private static EmbeddingRequest single(String text) {
    return EmbeddingRequest.builder().addInputs(text).build();
  }

  /** A batcher as a submit function; the batcher is closed with its client's phase. */
  private static Function<String, CompletableFuture<Integer>> batcherFn(InferenceClient c) {
    EmbeddingBatcher batcher = c.embeddingBatcher(SETTINGS);
    return text -> batcher.embed(text).thenApply(v -> 1);
  }

  private InferenceClient client(SimpleMeterRegistry registry) {
    return InferenceClient.builder()
        .endpoint(endpoint)
        .token(token)
        .meterRegistry(registry)
        .build();
  }

  private static SimpleMeterRegistry registry() {
    SimpleMeterRegistry r = new SimpleMeterRegistry();
    r.config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                    .percentiles(0.5, 0.9, 0.99)
                    .percentilePrecision(2)
                    .expiry(Duration.ofMinutes(30))
                    .bufferLength(1)
                    .build()
                    .merge(config);
              }
            });
    return r;
  }

  /** CALLERS outstanding submissions for warm-up, then {@code seconds} measured. */
  private ObjectNode closedLoop(
      Function<InferenceClient, Function<String, CompletableFuture<Integer>>> how)
      throws InterruptedException {
    try (InferenceClient warm = client(registry())) {
      run(how.apply(warm), 2, null);
    }
    SimpleMeterRegistry registry = registry();
    try (InferenceClient c = client(registry)) {
      Timer e2e = registry.timer("bench.item.latency");
      double[] measured = run(how.apply(c), seconds, e2e);
      ObjectNode out = JSON.createObjectNode();
      out.put("itemsPerSecond", round(measured[0]));
      out.put("cpuCores", round(measured[1]));
      out.set("itemLatencyMs", percentiles(e2e));
      out.set("httpCalls", calls(registry));
      batches(registry, out);
      return out;
    }
  }

  /**
   * Keeps CALLERS submissions outstanding for {@code secs}, then lets the outstanding ones finish,
   * so that the next phase does not inherit a backlog on the engine's device.
   *
   * @return completed items per second and CPU cores used by this JVM, in the measured window
   */
  private static double[] run(
      Function<String, CompletableFuture<Integer>> submit, int secs, Timer e2e)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong done = new AtomicLong();
    AtomicLong seq = new AtomicLong();
    AtomicLong outstanding = new AtomicLong();
    long start = System.nanoTime();
    long cpu = cpuNanos();
    for (int i = 0; i < CALLERS; i++) {
      loop(submit, new Loop(running, done, seq, outstanding, e2e));
    }
    Thread.sleep(secs * 1000L);
    running.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long items = done.get();
    double cores = (cpuNanos() - cpu) / 1e9 / elapsed;
    long drainEnd = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (outstanding.get() > 0 && System.nanoTime() < drainEnd) {
      Thread.sleep(10);
    }
    return new double[] {items / elapsed, cores};
  }

  /** The shared state of one closed-loop phase. */
  private record Loop(
      AtomicBoolean running, AtomicLong done, AtomicLong seq, AtomicLong outstanding, Timer e2e) {}

  private static void loop(Function<String, CompletableFuture<Integer>> submit, Loop l) {
    if (!l.running().get()) {
      return;
    }
    long start = System.nanoTime();
    l.outstanding().incrementAndGet();
    submit
        .apply("benchmark text number " + l.seq().incrementAndGet() + " about model serving")
        .whenComplete(
            (v, t) -> {
              l.outstanding().decrementAndGet();
              if (t == null && l.running().get()) {
                l.done().incrementAndGet();
                if (l.e2e() != null) {
                  l.e2e().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
              }
              loop(submit, l);
            });
  }

  /** Texts arrive every 1/rate seconds, whatever the answers do; measures the added wait. */
  @SuppressWarnings("try") // closes the batcher to drain it before the figures are read
  private ObjectNode openLoop(int rate) throws InterruptedException {
    SimpleMeterRegistry registry = registry();
    ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
    try (InferenceClient c = client(registry);
        EmbeddingBatcher batcher = c.embeddingBatcher(SETTINGS)) {
      Timer e2e = registry.timer("bench.item.latency");
      AtomicLong done = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong seq = new AtomicLong();
      long periodNanos = 1_000_000_000L / rate;
      arrivals.scheduleAtFixedRate(
          () -> {
            long start = System.nanoTime();
            batcher
                .embed("open loop text " + seq.incrementAndGet())
                .whenComplete(
                    (v, t) -> {
                      (t == null ? done : failed).incrementAndGet();
                      e2e.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    });
          },
          0,
          periodNanos,
          TimeUnit.NANOSECONDS);
      Thread.sleep(seconds * 1000L);
      arrivals.shutdownNow();
      arrivals.awaitTermination(5, TimeUnit.SECONDS);
      batcher.close();
      ObjectNode out = JSON.createObjectNode();
      out.put("offeredPerSecond", rate);
      out.put("submitted", seq.get());
      out.put("completed", done.get());
      out.put("failed", failed.get());
      out.set("itemLatencyMs", percentiles(e2e));
      out.set("addedWaitMs", percentiles(registry.get("inference.batch.wait").timer()));
      out.set(
          "batchCallMs",
          percentiles(
              registry.get("inference.request.duration").tag("operation", "embeddings").timer()));
      batches(registry, out);
      return out;
    } finally {
      arrivals.shutdownNow();
    }
  }

  private static ObjectNode percentiles(Timer t) {
    ObjectNode o = JSON.createObjectNode();
    o.put("count", t.count());
    o.put("mean", round(t.mean(TimeUnit.NANOSECONDS) / 1e6));
    for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
      o.put("p" + Math.round(p.percentile() * 100), round(p.value(TimeUnit.NANOSECONDS) / 1e6));
    }
    o.put("max", round(t.max(TimeUnit.NANOSECONDS) / 1e6));
    return o;
  }

  private static ObjectNode calls(SimpleMeterRegistry registry) {
    ObjectNode o = JSON.createObjectNode();
    registry
        .find("inference.request.duration")
        .timers()
        .forEach(t -> o.put(t.getId().getTag("outcome"), t.count()));
    return o;
  }

  private static void batches(SimpleMeterRegistry registry, ObjectNode out) {
    var size = registry.find("inference.batch.size").summary();
    if (size != null) {
      out.putObject("batchSize")
          .put("batches", size.count())
          .put("mean", round(size.mean()))
          .put("max", size.max());
    }
  }

  /** CPU time of this JVM: the client and the embedded LocalPai (engine and gateway) together. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void write(ObjectNode report) throws IOException {
    Path dir = Path.of("target", "bench-batching");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(report));
    String text = text(report);
    Files.writeString(dir.resolve("report.txt"), text);
    System.out.println(text);
  }

  private static String text(ObjectNode r) {
    StringBuilder s = new StringBuilder("Micro-batching benchmark (embeddings, LocalPai engine)\n");
    s.append("load before/after: ")
        .append(r.get("loadBefore").asText())
        .append(" / ")
        .append(r.get("loadAfter").asText())
        .append(", cores ")
        .append(r.get("cores"))
        .append(", this JVM idle: ")
        .append(r.get("idleCpuCores"))
        .append(" cores\n");
    s.append("engine: ").append(r.get("engine")).append('\n');
    s.append("settings: ").append(r.get("settings")).append('\n');
    for (String[] e :
        new String[][] {{"baseline", "one call per item"}, {"batched", "EmbeddingBatcher"}}) {
      var p = r.get(e[0]);
      s.append(
          String.format(
              "%-9s %-18s %9.1f items/s  CPU %s cores  latency p50 %s ms p99 %s ms  batches %s%n",
              e[0],
              "(" + e[1] + ")",
              p.get("itemsPerSecond").asDouble(),
              p.get("cpuCores"),
              p.get("itemLatencyMs").path("p50"),
              p.get("itemLatencyMs").path("p99"),
              p.path("batchSize")));
    }
    var o = r.get("openLoop");
    s.append(
        String.format(
            "open loop %d/s: added wait p50 %s p99 %s max %s ms; batch call p50 %s p99 %s ms;"
                + " batch size %s%n",
            o.get("offeredPerSecond").asInt(),
            o.get("addedWaitMs").path("p50"),
            o.get("addedWaitMs").path("p99"),
            o.get("addedWaitMs").path("max"),
            o.get("batchCallMs").path("p50"),
            o.get("batchCallMs").path("p99"),
            o.path("batchSize")));
    s.append(
        String.format(
            "speedup %.2fx (>= 5: %s); p99 added wait <= maxWait + p99 batch call (%s ms): %s%n",
            r.get("speedup").asDouble(),
            r.get("speedupAtLeast5x").asBoolean(),
            r.get("waitBoundMs"),
            r.get("p99WaitWithinMaxWaitPlusOneBatch").asBoolean()));
    return s.toString();
  }
}
