package dev.pailot.rag.store.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.rag.store.LuceneStoreConfig;
import dev.pailot.rag.store.LuceneVectorStore;
import dev.pailot.rag.store.StoredChunk;
import dev.pailot.rag.store.VectorPrecision;
import dev.pailot.rag.store.VectorSimilarity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a benchmark index once and caches it outside the repository: a directory named after every
 * parameter that changes its content, with {@code build.json} written last (a directory without it
 * is a build that did not finish and is rebuilt).
 */
final class BenchIndex {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 1000;

  private BenchIndex() {}

  static Path directory(BenchParams p, int size, VectorPrecision precision) {
    return p.cache()
        .resolve(
            String.format(
                "%s-n%d-d%d-c%d-noise%s-seed%d-m%d-beam%d",
                precision.name().toLowerCase(),
                size,
                p.dimension(),
                p.centroids(),
                p.noise(),
                p.seed(),
                p.maxConnections(),
                p.beamWidth()));
  }

  static LuceneStoreConfig.Builder config(BenchParams p, Path dir, VectorPrecision precision) {
    return LuceneStoreConfig.builder()
        .path(dir)
        .similarity(VectorSimilarity.DOT_PRODUCT)
        .precision(precision)
        .maxConnections(p.maxConnections())
        .beamWidth(p.beamWidth());
  }

  /** The build facts of a cached index, building it first if needed. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> buildOrReuse(
      BenchParams p, ClusteredVectors data, int size, VectorPrecision precision) throws Exception {
    Path dir = directory(p, size, precision);
    Path info = dir.resolve("build.json");
    if (Files.exists(info)) {
      System.out.println("reusing " + dir);
      return JSON.readValue(info.toFile(), Map.class);
    }
    if (p.adoptUnfinished() && segmentCount(dir) > 0) {
      return adopt(dir, size, precision);
    }
    deleteTree(dir);
    Files.createDirectories(dir);
    String uptimeBefore = Load.uptime();
    System.out.println("building " + dir + " (" + size + " vectors); load: " + uptimeBefore);
    long start = System.nanoTime();
    LuceneStoreConfig config =
        config(p, dir, precision)
            .ramBufferMb(p.ramBufferMb())
            .mergeWorkers(p.threads())
            .commitEachWrite(false)
            .refreshEachWrite(false)
            .build();
    Map<String, Object> facts = new LinkedHashMap<>();
    try (LuceneVectorStore store = LuceneVectorStore.open(config)) {
      index(store, data, size, p.threads(), start);
      store.commit();
      double indexSeconds = (System.nanoTime() - start) / 1e9;
      facts.put("size", size);
      facts.put("precision", precision.name());
      facts.put("indexSeconds", indexSeconds);
      facts.put("buildSeconds", indexSeconds);
      facts.put("vectorsPerSecond", size / indexSeconds);
      facts.put("indexingThreads", p.threads());
      facts.put("ramBufferMb", p.ramBufferMb());
      facts.put("forceMerged", false);
      facts.put("loadBefore", uptimeBefore);
      facts.put("loadAfter", Load.uptime());
      facts.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
      // Written now, so a forceMerge that does not finish in time still leaves a usable index.
      JSON.writerWithDefaultPrettyPrinter().writeValue(info.toFile(), facts);
      if (p.forceMerge()) {
        long mergeStart = System.nanoTime();
        store.forceMerge(1);
        double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
        facts.put("forceMergeSeconds", mergeSeconds);
        facts.put("buildSeconds", indexSeconds + mergeSeconds);
        facts.put("vectorsPerSecond", size / (indexSeconds + mergeSeconds));
        facts.put("forceMerged", true);
        facts.put("loadAfter", Load.uptime());
        JSON.writerWithDefaultPrettyPrinter().writeValue(info.toFile(), facts);
      }
    }
    System.out.println("built " + dir + ": " + facts);
    return facts;
  }

  /**
   * Takes over an index whose build process committed all vectors and was then stopped (during its
   * forceMerge, when time ran out). Its build time is read from file times: from the oldest file to
   * the commit point.
   */
  private static Map<String, Object> adopt(Path dir, int size, VectorPrecision precision)
      throws IOException {
    long first = Long.MAX_VALUE;
    long commit = Long.MAX_VALUE; // the first commit: later ones come from reopening the index
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        long t = Files.getLastModifiedTime(f).toMillis();
        first = Math.min(first, t);
        if (f.getFileName().toString().startsWith("segments_")) {
          commit = Math.min(commit, t);
        }
      }
    }
    int docs;
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      docs = reader.numDocs();
    }
    if (docs != size) {
      throw new IllegalStateException(dir + " holds " + docs + " vectors, not " + size);
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    double seconds = (commit - first) / 1000.0;
    facts.put("size", size);
    facts.put("precision", precision.name());
    facts.put("indexSeconds", seconds);
    facts.put("buildSeconds", seconds);
    facts.put("vectorsPerSecond", size / seconds);
    facts.put("forceMerged", false);
    facts.put(
        "note",
        "adopted: the build process was stopped after its commit, before forceMerge finished; "
            + "build time from the oldest index file to the commit point");
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("build.json").toFile(), facts);
    System.out.println("adopted " + dir + ": " + facts);
    return facts;
  }

  /** Segments in the last commit, 0 if there is none. */
  static int segmentCount(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        return reader.leaves().size();
      }
    }
  }

  private static void index(
      LuceneVectorStore store, ClusteredVectors data, int size, int threads, long start)
      throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (long from = next.getAndAdd(BATCH);
                      from < size;
                      from = next.getAndAdd(BATCH)) {
                    long to = Math.min(size, from + BATCH);
                    List<StoredChunk> batch = new ArrayList<>(BATCH);
                    for (long i = from; i < to; i++) {
                      batch.add(chunk(data, i));
                    }
                    store.upsert(batch);
                    long total = done.addAndGet(to - from);
                    if (total % 50_000 < BATCH) {
                      double s = (System.nanoTime() - start) / 1e9;
                      System.out.printf(
                          "  %,d vectors in %.0f s (%.0f/s); load: %s%n",
                          total, s, total / s, Load.uptime());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static StoredChunk chunk(ClusteredVectors data, long i) {
    return StoredChunk.builder()
        .id("v" + i)
        .documentId("d" + (i / 10))
        .text("chunk " + i)
        .vector(data.vector(i))
        .build();
  }

  /** Bytes on disk by file extension, plus {@code total}. */
  static Map<String, Long> diskUsage(Path dir) throws IOException {
    Map<String, Long> bytes = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? name : name.substring(dot + 1);
        if (ext.equals("json") || ext.equals("lock")) {
          continue;
        }
        long size = Files.size(f);
        bytes.merge(ext, size, Long::sum);
        bytes.merge("total", size, Long::sum);
      }
    }
    return bytes;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
