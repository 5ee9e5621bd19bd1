package dev.pailot.rag.bench;

import dev.pailot.rag.embed.RemoteEmbedder;
import dev.pailot.rag.pipeline.LocalModels;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Concurrent single-question embeddings (the embed stage of concurrent RAG requests) against
 * LocalPai's embedding service, through {@link RemoteEmbedder#of} (one HTTP call each) and through
 * {@link RemoteEmbedder#batched} with {@link BatchSettings#defaults()}: HTTP calls, throughput and
 * per-question latency. Writes {@code target/bench/rag-batched-embed.txt}. Run with {@code mvn -B
 * -q -pl pai-rag -am -Prag-batching verify -DskipTests}; not part of the default build.
 *
 * <p>Arguments: callers (default 16), questions per caller (default 200).
 */
public final class BatchedEmbedBenchmark {
  private BatchedEmbedBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args callers, questions per caller
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int callers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int perCaller = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "%d callers x %d questions, LocalPai bge-small (LOCALPAI_POOLING_CALL_US=2000)%n"
                + "%-8s %8s %10s %9s %9s %9s%n",
            callers,
            perCaller,
            "mode",
            "calls",
            "q/s",
            "p50 ms",
            "p99 ms",
            "max ms"));
    try (LocalModels models = LocalModels.start()) {
      for (int round = 0; round < 2; round++) { // round 0 warms up
        for (boolean batched : new boolean[] {false, true}) {
          String line = run(models, batched, callers, perCaller);
          if (round == 1) {
            report.append(line);
          }
        }
      }
    }
    Path out = Path.of("target/bench/rag-batched-embed.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.out.print(report);
  }

  private static String run(LocalModels models, boolean batched, int callers, int perCaller)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InferenceClient client = models.client("rag_embed", registry);
    EmbeddingBatcher batcher = batched ? client.embeddingBatcher(BatchSettings.defaults()) : null;
    RemoteEmbedder embedder =
        batched
            ? RemoteEmbedder.batched(batcher, "BAAI/bge-small-en-v1.5", 384)
            : RemoteEmbedder.of(client, "BAAI/bge-small-en-v1.5", 384);
    Histogram latency = new Histogram(60_000_000_000L, 3);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        futures.add(pool.submit(() -> ask(embedder, caller, perCaller, latency)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      if (batcher != null) {
        batcher.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long calls = registry.get("inference.request.duration").timer().count();
    return String.format(
        Locale.ROOT,
        "%-8s %8d %10.0f %9.2f %9.2f %9.2f%n",
        batched ? "batched" : "plain",
        calls,
        callers * perCaller / seconds,
        latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6,
        latency.getMaxValue() / 1e6);
  }

  private static Void ask(RemoteEmbedder embedder, int caller, int perCaller, Histogram latency) {
    for (int i = 0; i < perCaller; i++) {
      long t = System.nanoTime();
      embedder.embed("question " + i + " from caller " + caller + " about EAS autoscaling");
      long took = System.nanoTime() - t;
      synchronized (latency) {
        latency.recordValue(took);
      }
    }
    return null;
  }
}
