package dev.pailot.rag.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pailot.rag.bench.PythonDocsCorpus.Section;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageFailedException;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.embed.MiniLmEmbedder;
import dev.pailot.rag.ingest.IngestReport;
import dev.pailot.rag.ingest.Ingestor;
import dev.pailot.rag.ingest.TokenChunker;
import dev.pailot.rag.pipeline.LocalModels;
import dev.pailot.rag.pipeline.RagContext;
import dev.pailot.rag.pipeline.RagPipeline;
import dev.pailot.rag.pipeline.RagQuery;
import dev.pailot.rag.rerank.CrossEncoderReranker;
import dev.pailot.rag.rerank.FusionReranker;
import dev.pailot.rag.rerank.Reranked;
import dev.pailot.rag.rerank.Reranker;
import dev.pailot.rag.store.LuceneStoreConfig;
import dev.pailot.rag.store.LuceneVectorStore;
import dev.pailot.rag.store.SearchHit;
import dev.pailot.rag.store.VectorQuery;
import dev.pailot.rag.store.VectorSimilarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Retrieval quality and speed on the Python 3.11 docs. Not a unit test: run it with {@code mvn -B
 * -q -pl pai-rag -am -Prag-quality verify -DskipTests}; it writes {@code
 * target/bench/rag-quality.json} and {@code .txt}. Arguments: corpus root, embedding cache folder,
 * number of queries, comma-separated folders of the HTML tree.
 *
 * <p>Queries are section headings that occur once in the corpus; a query's relevant chunks are the
 * chunks of its own section (whose text does not contain the heading). recall@20 = relevant chunks
 * in the top 20 / the section's chunks; MRR@3 = 1 / rank of the first relevant chunk in the top 3,
 * else 0; hit@20 = any relevant chunk in the top 20.
 */
public final class QualityBenchmark {
  private static final int K = 20;

  private QualityBenchmark() {}

  /** Sums of the per-query metrics of one configuration. */
  static final class Score {
    double recall;
    double mrr;
    double hit;
    int n;

    void add(List<String> rankedDocIds, String relevant, int relevantChunks) {
      long found = rankedDocIds.stream().limit(K).filter(relevant::equals).count();
      recall += Math.min(1.0, (double) found / relevantChunks);
      hit += found > 0 ? 1 : 0;
      for (int i = 0; i < Math.min(3, rankedDocIds.size()); i++) {
        if (rankedDocIds.get(i).equals(relevant)) {
          mrr += 1.0 / (i + 1);
          break;
        }
      }
      n++;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("recall@20", round(recall / n));
      m.put("mrr@3", round(mrr / n));
      m.put("hit@20", round(hit / n));
      m.put("queries", n);
      return m;
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args corpus root, cache folder, query count
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    int queryCount = Integer.parseInt(args[2]);
    List<String> folders = List.of(args[3].split(","));
    Path out = Path.of("target/bench");
    Files.createDirectories(out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("load_before", uptime());
    List<Section> sections = PythonDocsCorpus.read(corpus, folders);
    Map<String, Long> headingCounts =
        sections.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.heading().toLowerCase(Locale.ROOT), Collectors.counting()));
    List<Section> queries = new ArrayList<>();
    for (Section s : sections) {
      if (headingCounts.get(s.heading().toLowerCase(Locale.ROOT)) == 1
          && s.heading().split("\\s+").length >= 2) {
        queries.add(s);
      }
    }
    int eligible = queries.size();
    Collections.shuffle(queries, new Random(7));
    queries = queries.subList(0, Math.min(queryCount, queries.size()));
    Path index = out.resolve("lucene-python-docs");
    deleteTree(index);
    try (MiniLmEmbedder mini = MiniLmEmbedder.create();
        LuceneVectorStore store =
            LuceneVectorStore.open(
                LuceneStoreConfig.builder()
                    .path(index)
                    .similarity(VectorSimilarity.DOT_PRODUCT)
                    .commitEachWrite(false)
                    .build());
        LocalModels models = LocalModels.start()) {
      DiskCachedEmbedder cached = new DiskCachedEmbedder(mini, cache);
      TokenChunker chunker = TokenChunker.of(mini.tokenCounter(), 200, 40);
      Ingestor ingestor = Ingestor.of(cached, store).withChunker(chunker).withBatchSize(32);
      int cachedBefore = cached.cached();
      long t0 = System.nanoTime();
      List<dev.pailot.rag.ingest.Document> docs =
          sections.stream().map(Section::document).collect(Collectors.toList());
      IngestReport ingest = null;
      int chunks = 0;
      for (int i = 0; i < docs.size(); i += 500) {
        ingest = ingestor.ingest(docs.subList(i, Math.min(docs.size(), i + 500)));
        chunks += ingest.chunks();
        System.out.printf(
            "ingested %d/%d sections, %d chunks, %d embedded fresh%n",
            Math.min(docs.size(), i + 500), docs.size(), chunks, cached.computed);
      }
      store.commit();
      Map<String, Object> corpusInfo = new LinkedHashMap<>();
      corpusInfo.put("root", corpus.toString());
      corpusInfo.put("folders", folders);
      corpusInfo.put("sections", sections.size());
      corpusInfo.put("chunks", store.count());
      corpusInfo.put("chunk_tokens", "200, overlap 40 (MiniLM WordPiece)");
      corpusInfo.put("embedded_fresh", cached.computed);
      corpusInfo.put("embeddings_cached_before", cachedBefore);
      corpusInfo.put("ingest_seconds", round((System.nanoTime() - t0) / 1e9));
      corpusInfo.put("eligible_queries", eligible);
      report.put("corpus", corpusInfo);

      Map<String, Integer> chunkCount = new HashMap<>();
      for (Section q : queries) {
        chunkCount.put(q.document().id(), chunker.split(q.document().text()).size());
      }
      Map<String, Reranker> rerankers = new LinkedHashMap<>();
      rerankers.put("dense + fusion RRF (store BM25)", FusionReranker.withLexical(store));
      rerankers.put("dense + fusion RRF (candidate BM25)", FusionReranker.local());
      rerankers.put(
          "dense + fusion normalized (store BM25)",
          FusionReranker.withLexical(store).fusing(FusionReranker.Method.NORMALIZED, 1.0));
      rerankers.put(
          "dense + cross-encoder (LocalPai simulated)",
          CrossEncoderReranker.of(models.client("rag_rerank"), "BAAI/bge-reranker-v2-m3"));
      Map<String, Score> scores = new LinkedHashMap<>();
      scores.put("dense only", new Score());
      rerankers.keySet().forEach(k -> scores.put(k, new Score()));
      scores.put("BM25 only (Lucene)", new Score());

      Histogram embed = new Histogram(3);
      for (Section q : queries) {
        String relevant = q.document().id();
        int rel = chunkCount.get(relevant);
        float[] v = mini.embed(q.heading());
        List<SearchHit> hits = store.search(VectorQuery.of(v, K));
        scores.get("dense only").add(docIds(hits), relevant, rel);
        for (Map.Entry<String, Reranker> r : rerankers.entrySet()) {
          List<Reranked> ranked = r.getValue().rerank(q.heading(), hits, K);
          scores
              .get(r.getKey())
              .add(
                  ranked.stream().map(x -> x.hit().documentId()).collect(Collectors.toList()),
                  relevant,
                  rel);
        }
        scores
            .get("BM25 only (Lucene)")
            .add(docIds(store.searchText(q.heading(), K)), relevant, rel);
      }
      // Query embedding latency on its own (not interleaved with the rerankers' HTTP calls): one
      // pass over the questions after the quality pass warmed the model up.
      for (Section q : queries) {
        long s = System.nanoTime();
        mini.embed(q.heading());
        embed.recordValue((System.nanoTime() - s) / 1000);
      }
      Map<String, Object> quality = new LinkedHashMap<>();
      scores.forEach((k, v) -> quality.put(k, v.toMap()));
      report.put("quality", quality);
      report.put("query_embedding_micros", percentiles(embed));
      Files.writeString(
          out.resolve("rag-quality.json"),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));

      Histogram pre = new Histogram(3);
      Map<Stage, Histogram> perStage = new EnumMap<>(Stage.class);
      Map<Stage, Integer> degraded = new EnumMap<>(Stage.class);
      Map<Stage, Integer> failed = new EnumMap<>(Stage.class);
      try (RagPipeline pipeline =
          RagPipeline.builder()
              .embedder(mini)
              .store(store)
              .reranker(FusionReranker.withLexical(store))
              .embeddingCache(null)
              .build()) {
        for (int pass = 0; pass < 2; pass++) {
          for (Section q : queries) {
            RagContext c;
            try {
              c = pipeline.retrieve(RagQuery.of(q.heading()));
            } catch (StageFailedException e) {
              if (pass == 1) {
                failed.merge(e.report().stage(), 1, Integer::sum);
              }
              continue;
            }
            if (pass == 0) {
              continue; // warm-up pass
            }
            pre.recordValue(c.elapsed().toNanos() / 1000);
            for (StageReport r : c.stages()) {
              perStage
                  .computeIfAbsent(r.stage(), x -> new Histogram(3))
                  .recordValue(r.elapsed().toNanos() / 1000);
              if (r.degraded()) {
                degraded.merge(r.stage(), 1, Integer::sum);
              }
            }
          }
        }
        Map<String, Object> speed = new LinkedHashMap<>();
        speed.put("budget_micros", pipeline.budgets().preGeneration().toNanos() / 1000);
        speed.put("pre_generation_micros", percentiles(pre));
        Map<String, Object> stages = new LinkedHashMap<>();
        perStage.forEach((k, v) -> stages.put(k.tag(), percentiles(v)));
        speed.put("stages_micros", stages);
        Map<String, Object> deg = new LinkedHashMap<>();
        degraded.forEach((k, v) -> deg.put(k.tag(), v));
        speed.put("degraded_stages", deg);
        Map<String, Object> fail = new LinkedHashMap<>();
        failed.forEach((k, v) -> fail.put(k.tag(), v));
        speed.put("failed_requests_by_stage", fail);
        report.put("pre_generation", speed);
      }
    }
    report.put("load_after", uptime());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(out.resolve("rag-quality.json"), json.writeValueAsString(report));
    Files.writeString(out.resolve("rag-quality.txt"), text(report));
    System.out.println(text(report));
  }

  private static List<String> docIds(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::documentId).collect(Collectors.toList());
  }

  private static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", h.getTotalCount());
    m.put("p50", h.getValueAtPercentile(50));
    m.put("p90", h.getValueAtPercentile(90));
    m.put("p99", h.getValueAtPercentile(99));
    m.put("max", h.getMaxValue());
    return m;
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, Object> report) {
    StringBuilder b = new StringBuilder("RAG quality benchmark (Python 3.11 docs)\n");
    b.append("load before: ").append(report.get("load_before")).append('\n');
    b.append("corpus: ").append(report.get("corpus")).append('\n');
    b.append(
        String.format("%-44s %10s %8s %8s%n", "configuration", "recall@20", "MRR@3", "hit@20"));
    ((Map<String, Map<String, Object>>) report.get("quality"))
        .forEach(
            (k, v) ->
                b.append(
                    String.format(
                        "%-44s %10s %8s %8s%n",
                        k, v.get("recall@20"), v.get("mrr@3"), v.get("hit@20"))));
    b.append("query embedding (µs): ").append(report.get("query_embedding_micros")).append('\n');
    b.append("pre-generation: ").append(report.get("pre_generation")).append('\n');
    b.append("load after: ").append(report.get("load_after")).append('\n');
    return b.toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Collections.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }
}
