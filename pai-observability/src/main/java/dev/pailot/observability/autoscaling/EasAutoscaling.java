package dev.pailot.observability.autoscaling;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns LLM scaling targets (KV-cache usage, queue depth) into what EAS's autoscaler understands.
 * EAS scales on {@code qps} per instance, {@code cpu} utilization and {@code gpu[util]} only, so
 * the KV-cache target becomes a QPS threshold by Little's law: a replica holding {@code
 * targetKvCacheUsage x concurrentSequencesPerReplica} sequences, each lasting {@code
 * meanRequestDuration}, serves that many divided by the duration per second.
 *
 * <pre>{@code
 * EasAutoscalerPlan plan = EasAutoscaling.plan(targets);
 * Map<String, Object> body = plan.toEasSettings(); // {min, max, scaleStrategies: [{qps, ...}], behavior}
 * plan.notes().forEach(System.out::println);
 * }</pre>
 *
 * <p>Where EAS cannot follow: it has no metric for the engine's queue or KV cache, so the plan is
 * right only while request durations stay near {@code meanRequestDuration} (long generations make
 * the QPS threshold too high: recompute it from the observed p50). GPU utilization is a poor signal
 * for LLM engines (decoding keeps it high at any load), and GPU memory is preallocated by vLLM, so
 * neither is used. Stateless and thread-safe.
 */
public final class EasAutoscaling {
  private EasAutoscaling() {}

  /**
   * Derives the EAS settings.
   *
   * @param targets the LLM targets
   * @return the plan, with notes on what is approximated
   */
  public static EasAutoscalerPlan plan(LlmScalingTargets targets) {
    double concurrency = targets.targetKvCacheUsage() * targets.concurrentSequencesPerReplica();
    double seconds = targets.meanRequestDuration().toNanos() / 1e9;
    double qps = Math.max(0.01, Math.round(concurrency / seconds * 100) / 100.0);
    List<String> notes = new ArrayList<>();
    notes.add(
        "KV-cache target "
            + targets.targetKvCacheUsage()
            + " -> "
            + concurrency
            + " concurrent sequences per replica -> qps threshold "
            + qps
            + " at "
            + seconds
            + " s per request (Little's law); recompute when request durations change.");
    if (targets.targetWaitingPerReplica() > 0) {
      notes.add(
          "EAS has no queue-depth metric: targetWaitingPerReplica "
              + targets.targetWaitingPerReplica()
              + " is not enforced; alert on vllm:num_requests_waiting instead (PailotAlerts).");
    }
    notes.add(
        "Not used: gpu[util] stays high while decoding at any load, and vLLM preallocates GPU"
            + " memory, so neither tracks LLM load.");
    return EasAutoscalerPlan.builder()
        .targets(targets)
        .targetConcurrencyPerReplica(concurrency)
        .qpsThreshold(qps)
        .notes(notes)
        .build();
  }
}
