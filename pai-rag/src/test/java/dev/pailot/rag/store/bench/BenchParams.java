package dev.pailot.rag.store.bench;

import dev.pailot.rag.store.VectorPrecision;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Benchmark parameters, from system properties ({@code -Dbench.sizes=...}) with defaults. */
record BenchParams(
    List<Integer> sizes,
    List<VectorPrecision> precisions,
    List<Integer> candidates,
    int dimension,
    int centroids,
    float noise,
    long seed,
    int maxConnections,
    int beamWidth,
    int topK,
    int queries,
    int recallQueries,
    int warmup,
    int threads,
    double ramBufferMb,
    Path cache,
    Path out,
    boolean buildOnly,
    boolean forceMerge,
    boolean adoptUnfinished) {

  static BenchParams fromSystemProperties() {
    return new BenchParams(
        ints("bench.sizes", "1000000"),
        Arrays.stream(prop("bench.precisions", "FLOAT32,INT8").split(","))
            .map(s -> VectorPrecision.valueOf(s.trim()))
            .toList(),
        ints("bench.candidates", "40,100,160,250,400"),
        Integer.parseInt(prop("bench.dimension", "384")),
        Integer.parseInt(prop("bench.centroids", "1000")),
        Float.parseFloat(prop("bench.noise", "0.5")),
        Long.parseLong(prop("bench.seed", "42")),
        Integer.parseInt(prop("bench.m", "16")),
        Integer.parseInt(prop("bench.beamWidth", "100")),
        Integer.parseInt(prop("bench.topK", "20")),
        Integer.parseInt(prop("bench.queries", "1000")),
        Integer.parseInt(prop("bench.recallQueries", "200")),
        Integer.parseInt(prop("bench.warmup", "300")),
        Integer.parseInt(prop("bench.threads", "2")),
        Double.parseDouble(prop("bench.ramBufferMb", "1024")),
        Path.of(prop("bench.cache", "/work/cache/rag-bench")),
        Path.of(prop("bench.out", "target/bench")),
        Boolean.parseBoolean(prop("bench.buildOnly", "false")),
        Boolean.parseBoolean(prop("bench.forceMerge", "true")),
        Boolean.parseBoolean(prop("bench.adoptUnfinished", "false")));
  }

  private static String prop(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static List<Integer> ints(String name, String fallback) {
    return Arrays.stream(prop(name, fallback).split(","))
        .map(s -> Integer.parseInt(s.trim()))
        .toList();
  }
}
