package dev.pailot.rag.store.bench;

import dev.pailot.rag.store.InMemoryVectorStore;
import dev.pailot.rag.store.LuceneVectorStore;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.StoredChunk;
import dev.pailot.rag.store.VectorPrecision;
import dev.pailot.rag.store.VectorQuery;
import dev.pailot.rag.store.VectorSimilarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Retrieval at scale: Lucene HNSW (float and int8) against exact search on clustered synthetic
 * vectors; p50/p99 latency at top-K, recall@K, build time, disk and heap. Run only explicitly:
 *
 * <pre>
 * mvn -B -q -pl pai-rag -am -Pbench-retrieval verify -DskipTests -Dbench.sizes=1000000
 * </pre>
 *
 * Indexes are cached under {@code bench.cache} and reused; reports go to {@code
 * target/bench/retrieval-N.json} and {@code .txt}.
 */
public final class RetrievalBenchmark {
  private RetrievalBenchmark() {}

  /**
   * Runs the benchmark with the {@code bench.*} system properties.
   *
   * @param args unused
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    BenchParams p = BenchParams.fromSystemProperties();
    ClusteredVectors data = new ClusteredVectors(p.seed(), p.dimension(), p.centroids(), p.noise());
    for (int size : p.sizes()) {
      Map<VectorPrecision, Map<String, Object>> builds = new LinkedHashMap<>();
      for (VectorPrecision precision : p.precisions()) {
        builds.put(precision, BenchIndex.buildOrReuse(p, data, size, precision));
      }
      if (p.buildOnly()) {
        continue;
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("params", describe(p, size));
      report.put("loadAtStart", Load.uptime());
      Exact exact = exact(p, data, size);
      report.put("exact", exact.facts);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (VectorPrecision precision : p.precisions()) {
        for (int candidates : p.candidates()) {
          Map<String, Object> row = measure(p, data, size, precision, candidates, exact.ids);
          row.put("build", builds.get(precision));
          rows.add(row);
        }
      }
      report.put("hnsw", rows);
      report.put("loadAtEnd", Load.uptime());
      Files.createDirectories(p.out());
      Path json = p.out().resolve("retrieval-" + size + ".json");
      BenchIndex.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
      String text = BenchReport.text(report);
      Files.writeString(p.out().resolve("retrieval-" + size + ".txt"), text);
      System.out.println(text);
    }
  }

  private record Exact(List<List<String>> ids, Map<String, Object> facts) {}

  /** Exact top-K of the recall queries by brute force, with its own latency for reference. */
  private static Exact exact(BenchParams p, ClusteredVectors data, int size) throws Exception {
    long loadStart = System.nanoTime();
    InMemoryVectorStore store = InMemoryVectorStore.create(VectorSimilarity.DOT_PRODUCT);
    List<StoredChunk> batch = new ArrayList<>();
    for (long i = 0; i < size; i++) {
      batch.add(BenchIndex.chunk(data, i));
      if (batch.size() == 10_000) {
        store.upsert(batch);
        batch.clear();
      }
    }
    store.upsert(batch);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    System.out.printf("exact store loaded %,d vectors in %.0f s%n", size, loadSeconds);
    Histogram latency = new Histogram(3);
    List<List<String>> ids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(p.threads());
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int q = 0; q < p.recallQueries(); q++) {
        float[] query = data.query(q);
        results.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  List<SearchHit> hits = store.search(VectorQuery.of(query, p.topK()));
                  long ns = System.nanoTime() - t0;
                  synchronized (latency) {
                    latency.recordValue(ns);
                  }
                  return hits.stream().map(SearchHit::chunkId).toList();
                }));
      }
      for (Future<List<String>> r : results) {
        ids.add(r.get());
      }
    } finally {
      pool.shutdownNow();
      store.close();
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("store", "InMemoryVectorStore (brute force, " + p.threads() + " query threads)");
    facts.put("queries", p.recallQueries());
    facts.put("loadSeconds", loadSeconds);
    facts.put("p50Ms", latency.getValueAtPercentile(50) / 1e6);
    facts.put("p99Ms", latency.getValueAtPercentile(99) / 1e6);
    return new Exact(ids, facts);
  }

  private static Map<String, Object> measure(
      BenchParams p,
      ClusteredVectors data,
      int size,
      VectorPrecision precision,
      int candidates,
      List<List<String>> exactIds)
      throws Exception {
    Path dir = BenchIndex.directory(p, size, precision);
    Map<String, Object> row = new LinkedHashMap<>();
    try (LuceneVectorStore store =
        LuceneVectorStore.open(
            BenchIndex.config(p, dir, precision).numCandidates(candidates).build())) {
      for (int w = 0; w < p.warmup(); w++) {
        store.search(VectorQuery.of(data.query(p.queries() + w), p.topK()));
      }
      Histogram latency = new Histogram(3);
      double recallSum = 0;
      double recallMin = 1;
      for (int q = 0; q < p.queries(); q++) {
        VectorQuery query = VectorQuery.of(data.query(q), p.topK());
        long t0 = System.nanoTime();
        List<SearchHit> hits = store.search(query);
        latency.recordValue(System.nanoTime() - t0);
        if (q < exactIds.size()) {
          Set<String> truth = new HashSet<>(exactIds.get(q));
          long found = hits.stream().filter(h -> truth.contains(h.chunkId())).count();
          double recall = (double) found / truth.size();
          recallSum += recall;
          recallMin = Math.min(recallMin, recall);
        }
      }
      System.gc();
      Runtime rt = Runtime.getRuntime();
      row.put("precision", precision.name());
      row.put("numCandidates", candidates);
      row.put("rescore", precision == VectorPrecision.INT8);
      row.put("queries", p.queries());
      row.put("p50Ms", latency.getValueAtPercentile(50) / 1e6);
      row.put("p99Ms", latency.getValueAtPercentile(99) / 1e6);
      row.put("maxMs", latency.getMaxValue() / 1e6);
      row.put("recallAtK", recallSum / exactIds.size());
      row.put("recallMin", recallMin);
      row.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
      row.put("disk", BenchIndex.diskUsage(dir));
      row.put("segments", BenchIndex.segmentCount(dir));
      row.put("load", Load.uptime());
    }
    System.out.println("measured " + row);
    return row;
  }

  private static Map<String, Object> describe(BenchParams p, int size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("size", size);
    d.put("dimension", p.dimension());
    d.put(
        "data",
        "clustered synthetic: "
            + p.centroids()
            + " centroids on the unit sphere, vector i = normalize(centroid[i % centroids] + "
            + "Gaussian noise of expected length "
            + p.noise()
            + "), seed "
            + p.seed()
            + "; queries from the same distribution, not in the index");
    d.put("similarity", "DOT_PRODUCT on unit vectors (= cosine)");
    d.put("topK", p.topK());
    d.put("M", p.maxConnections());
    d.put("beamWidth", p.beamWidth());
    d.put("recallQueries", p.recallQueries());
    d.put("warmupQueries", p.warmup());
    d.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
    d.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
    d.put("cores", Runtime.getRuntime().availableProcessors());
    return d;
  }
}
