package dev.pailot.rag.pipeline.internal;

import dev.pailot.rag.budget.StageOutcome;
import dev.pailot.rag.budget.StageReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The pipeline's meters: {@code rag.stage.duration} (timer, tags {@code stage} and {@code outcome};
 * Prometheus {@code rag_stage_duration_seconds}), {@code rag.stage.overruns} and {@code
 * rag.stage.degradations} (counters, tag {@code stage}), and {@code rag.ttft} (timer, end-to-end
 * time to first token; {@code rag_ttft_seconds}). Without a registry nothing is recorded.
 * Thread-safe.
 */
public final class PipelineMetrics {
  private final MeterRegistry registry;

  /**
   * Creates the meters' factory.
   *
   * @param registry the registry, or {@code null} for none
   */
  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one stage.
   *
   * @param report the stage's report
   * @param overran whether its first attempt ran past the budget
   */
  public void stage(StageReport report, boolean overran) {
    if (registry == null) {
      return;
    }
    Timer.builder("rag.stage.duration")
        .description("Time a RAG request spent in one stage, degrade included")
        .tag("stage", report.stage().tag())
        .tag("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .publishPercentileHistogram()
        .register(registry)
        .record(report.elapsed());
    if (overran || report.outcome() == StageOutcome.OVERRUN) {
      Counter.builder("rag.stage.overruns")
          .description("Stages that ran past their latency budget")
          .tag("stage", report.stage().tag())
          .register(registry)
          .increment();
    }
    if (report.outcome() == StageOutcome.DEGRADED) {
      Counter.builder("rag.stage.degradations")
          .description("Stages that served a degraded result")
          .tag("stage", report.stage().tag())
          .register(registry)
          .increment();
    }
  }

  /**
   * Records an end-to-end time to first token.
   *
   * @param ttft from the request to the first generated text
   */
  public void ttft(Duration ttft) {
    if (registry == null) {
      return;
    }
    Timer.builder("rag.ttft")
        .description("End-to-end time to first token of RAG requests")
        .publishPercentileHistogram()
        .register(registry)
        .record(ttft);
  }
}
