package dev.pailot.testkit.localpai.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A replica's metrics under vLLM's names and buckets, so dashboards and alerts written for vLLM
 * read LocalPai unchanged. Thread-safe; written by the engine thread and event loops, exposed by
 * {@link PrometheusText}.
 */
final class EngineMetrics {
  static final double[] TTFT_BUCKETS = {
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
    20.0, 40.0, 80.0, 160.0, 640.0, 2560.0
  };
  static final double[] E2E_BUCKETS = {
    0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0,
    480.0, 960.0, 1920.0, 7680.0
  };
  static final double[] TPOT_BUCKETS = {
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0,
    40.0, 80.0
  };

  final String modelName;
  final Histogram ttft = new Histogram(TTFT_BUCKETS);
  final Histogram e2e = new Histogram(E2E_BUCKETS);
  final Histogram tpot = new Histogram(TPOT_BUCKETS);
  final LongAdder promptTokens = new LongAdder();
  final LongAdder generationTokens = new LongAdder();
  final LongAdder preemptions = new LongAdder();
  final Map<String, LongAdder> finished = new ConcurrentHashMap<>();
  volatile int running;
  volatile int waiting;
  volatile double kvUsage;

  EngineMetrics(String modelName) {
    this.modelName = modelName;
  }

  void firstToken(Sequence seq, long nowNanos) {
    ttft.observe((nowNanos - seq.arrivalNanos()) / 1e9);
    promptTokens.add(seq.request().promptTokens());
  }

  void generated(int tokens) {
    generationTokens.add(tokens);
  }

  void finished(Sequence seq, long nowNanos) {
    e2e.observe((nowNanos - seq.arrivalNanos()) / 1e9);
    if (seq.generated() > 1) {
      tpot.observe((nowNanos - seq.firstTokenNanos()) / 1e9 / (seq.generated() - 1));
    }
    finished.computeIfAbsent(seq.finishReason(), r -> new LongAdder()).increment();
  }

  /** A pooling (embedding or rerank) request answered. */
  void pooled(int inputTokens, long arrivalNanos, long nowNanos) {
    promptTokens.add(inputTokens);
    e2e.observe((nowNanos - arrivalNanos) / 1e9);
    finished.computeIfAbsent("stop", r -> new LongAdder()).increment();
  }

  void preempted() {
    preemptions.increment();
  }

  void gauges(int running, int waiting, double kvUsage) {
    this.running = running;
    this.waiting = waiting;
    this.kvUsage = kvUsage;
  }
}
