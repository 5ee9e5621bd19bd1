package dev.pailot.observability.alerts;

import static dev.pailot.observability.prometheus.MetricNames.RELEASE_ROLLBACKS;
import static dev.pailot.observability.prometheus.MetricNames.REQUEST_DURATION;
import static dev.pailot.observability.prometheus.MetricNames.SPOT_PREEMPTIONS;
import static dev.pailot.observability.prometheus.MetricNames.TIME_TO_FIRST_TOKEN;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_GPU_CACHE_USAGE;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_KV_CACHE_USAGE;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_WAITING;

import dev.pailot.observability.alerts.internal.PromDurations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates Pailot's alert rules from an {@link AlertSpec}: p99 latency over budget (the
 * blueprint's expression), TTFT SLO burn rate over two window pairs, error rate, GPU memory (scale
 * out before out-of-memory), KV-cache usage, a growing engine queue, spot preemptions and
 * blue-green rollbacks.
 *
 * <pre>{@code
 * RuleFile rules = PailotAlerts.rules(AlertSpec.builder().build());
 * Files.writeString(dir.resolve("pailot-rules.yml"), rules.toYaml());
 * }</pre>
 *
 * <p>Stateless and thread-safe. Every generated file passes {@code promtool check rules}, and
 * {@code promtool test rules} checks each alert fires when its series crosses the threshold and not
 * before (Pailot's build runs both).
 */
public final class PailotAlerts {
  /** Alert: a service's latency quantile is over budget. */
  public static final String LATENCY = "PailotLatencyHigh";

  /** Alert: TTFT SLO error budget burning fast (1 h and 5 m windows, 14.4x). */
  public static final String TTFT_BURN_FAST = "PailotTtftBudgetBurnFast";

  /** Alert: TTFT SLO error budget burning steadily (6 h and 30 m windows, 6x). */
  public static final String TTFT_BURN_SLOW = "PailotTtftBudgetBurnSlow";

  /** Alert: a service's error rate is over the threshold. */
  public static final String ERROR_RATE = "PailotErrorRateHigh";

  /** Alert: GPU memory nearly full; scale out. */
  public static final String GPU_MEMORY = "PailotGpuMemoryHigh";

  /** Alert: an engine's KV cache is nearly full. */
  public static final String KV_CACHE = "PailotKvCacheUsageHigh";

  /** Alert: an engine's waiting queue is long and growing. */
  public static final String QUEUE = "PailotEngineQueueGrowing";

  /** Alert: a training job was preempted repeatedly. */
  public static final String SPOT = "PailotSpotPreemptions";

  /** Alert: a blue-green release was rolled back. */
  public static final String ROLLBACK = "PailotReleaseRolledBack";

  private PailotAlerts() {}

  /**
   * The rules for a spec, in three groups: {@code pailot-inference}, {@code pailot-engine}, {@code
   * pailot-lifecycle}.
   *
   * @param spec thresholds and labels
   * @return the rule file
   */
  public static RuleFile rules(AlertSpec spec) {
    Rules r = new Rules(spec);
    return RuleFile.of(
        List.of(
            group("pailot-inference", r.latency(), r.ttftFast(), r.ttftSlow(), r.errorRate()),
            group("pailot-engine", r.gpuMemory(), r.kvCache(), r.queue()),
            group("pailot-lifecycle", r.spot(), r.rollback())));
  }

  /**
   * The blueprint's query for a quantile over a window, by {@code le} and {@code service_name}.
   *
   * @param quantile e.g. 0.99
   * @param window e.g. 5 m
   * @return {@code histogram_quantile(0.99, sum(rate(..._bucket[5m])) by (le, service_name))}
   */
  public static String latencyQuantile(double quantile, Duration window) {
    return "histogram_quantile("
        + quantile
        + ", sum(rate("
        + REQUEST_DURATION
        + "_bucket["
        + PromDurations.format(window)
        + "])) by (le, service_name))";
  }

  private static RuleGroup group(String name, AlertRule... rules) {
    return RuleGroup.builder().name(name).addRules(rules).build();
  }

  /** Builds the individual rules for one spec. */
  private static final class Rules {
    private final AlertSpec spec;

    Rules(AlertSpec spec) {
      this.spec = spec;
    }

    AlertRule latency() {
      String budget = seconds(spec.latencyBudget());
      return rule(
              LATENCY, latencyQuantile(spec.latencyQuantile(), spec.rateWindow()) + " > " + budget)
          .pendingFor(spec.pendingFor())
          .putAllLabels(labels("page"))
          .putAllAnnotations(
              text(
                  LATENCY,
                  "p"
                      + percent(spec.latencyQuantile())
                      + " latency of {{ $labels.service_name }}"
                      + " is over "
                      + budget
                      + " s",
                  "The "
                      + spec.latencyQuantile()
                      + " quantile of inference request latency has been"
                      + " above the "
                      + budget
                      + " s budget for "
                      + PromDurations.format(spec.pendingFor())
                      + ".",
                  "Check the engine's queue (vllm:num_requests_waiting) and KV-cache usage; scale out"
                      + " the EAS service, lower max_tokens, or shed batch traffic."))
          .build();
    }

    AlertRule ttftFast() {
      return burn(TTFT_BURN_FAST, 14.4, Duration.ofHours(1), Duration.ofMinutes(5), "page");
    }

    AlertRule ttftSlow() {
      return burn(TTFT_BURN_SLOW, 6, Duration.ofHours(6), Duration.ofMinutes(30), "ticket");
    }

    private AlertRule burn(
        String name, double factor, Duration longW, Duration shortW, String sev) {
      double threshold = factor * (1 - spec.ttftObjective());
      String limit = Double.toString(Math.round(threshold * 1e6) / 1e6);
      String expr =
          "(" + badTtft(longW) + ") > " + limit + "\nand\n(" + badTtft(shortW) + ") > " + limit;
      String target = PromDurations.format(spec.ttftTarget());
      return rule(name, expr)
          .pendingFor(
              Duration.ofMinutes(2).compareTo(spec.pendingFor()) < 0
                  ? Duration.ofMinutes(2)
                  : spec.pendingFor())
          .putAllLabels(labels(sev))
          .putAllAnnotations(
              text(
                  name,
                  "{{ $labels.service_name }} burns its TTFT error budget " + factor + "x too fast",
                  "More than "
                      + limit
                      + " of requests waited over "
                      + target
                      + " for their first"
                      + " token, over both the "
                      + PromDurations.format(longW)
                      + " and "
                      + PromDurations.format(shortW)
                      + " windows (SLO: "
                      + spec.ttftObjective()
                      + " within "
                      + target
                      + ").",
                  "Check admission rejections and engine queueing; add replicas or reduce prompt"
                      + " sizes. See the TTFT panel of the Pailot dashboard."))
          .build();
    }

    private String badTtft(Duration window) {
      String w = PromDurations.format(window);
      return "1 - (sum by (service_name) (rate("
          + TIME_TO_FIRST_TOKEN
          + "_bucket{le=\""
          + PromDurations.le(spec.ttftTarget())
          + "\"}["
          + w
          + "])) / sum by (service_name) (rate("
          + TIME_TO_FIRST_TOKEN
          + "_count["
          + w
          + "])))";
    }

    AlertRule errorRate() {
      String w = PromDurations.format(spec.rateWindow());
      String failed = REQUEST_DURATION + "_count{outcome!~\"success|cancelled\"}[" + w + "]";
      String all = REQUEST_DURATION + "_count[" + w + "]";
      String expr =
          "sum by (service_name) (rate("
              + failed
              + ")) / sum by (service_name) (rate("
              + all
              + ")) > "
              + spec.errorRateThreshold();
      return rule(ERROR_RATE, expr)
          .pendingFor(spec.pendingFor())
          .putAllLabels(labels("page"))
          .putAllAnnotations(
              text(
                  ERROR_RATE,
                  "{{ $labels.service_name }} fails over "
                      + percent(spec.errorRateThreshold())
                      + " % of requests",
                  "Requests ending in error, timeout, throttled or unavailable exceed "
                      + spec.errorRateThreshold()
                      + " of all requests.",
                  "Look at the outcome tag of "
                      + REQUEST_DURATION
                      + "; check replica restarts,"
                      + " the gateway's 503s and recent releases."))
          .build();
    }

    AlertRule gpuMemory() {
      return rule(GPU_MEMORY, "(" + spec.gpuMemoryUsageExpr() + ") >= " + spec.gpuMemoryThreshold())
          .pendingFor(spec.pendingFor())
          .putAllLabels(labels("warning"))
          .putAllAnnotations(
              text(
                  GPU_MEMORY,
                  "GPU memory of {{ $labels.instance }} is at "
                      + percent(spec.gpuMemoryThreshold())
                      + " % or more",
                  "GPU memory usage has been at or above "
                      + spec.gpuMemoryThreshold()
                      + " for "
                      + PromDurations.format(spec.pendingFor())
                      + "; the next spike ends in"
                      + " out-of-memory.",
                  "Scale out before the crash: add replicas, or lower --gpu-memory-utilization /"
                      + " --max-num-seqs. vLLM preallocates its share, so check other processes on"
                      + " the card too."))
          .build();
    }

    AlertRule kvCache() {
      String usage = "(" + VLLM_KV_CACHE_USAGE + " or " + VLLM_GPU_CACHE_USAGE + ")";
      return rule(KV_CACHE, usage + " > " + spec.kvCacheUsageThreshold())
          .pendingFor(spec.pendingFor())
          .putAllLabels(labels("warning"))
          .putAllAnnotations(
              text(
                  KV_CACHE,
                  "KV cache of {{ $labels.model_name }} on {{ $labels.instance }} is nearly full",
                  "KV-cache usage is above "
                      + spec.kvCacheUsageThreshold()
                      + "; the engine will"
                      + " preempt sequences and queue new ones.",
                  "Add replicas, use an fp8/int8 KV cache (doubles capacity; see KvCacheCalculator),"
                      + " or lower --max-model-len."))
          .build();
    }

    AlertRule queue() {
      String w = PromDurations.format(spec.rateWindow());
      String expr =
          VLLM_WAITING
              + " > "
              + spec.waitingRequestsThreshold()
              + "\nand\nderiv("
              + VLLM_WAITING
              + "["
              + w
              + "]) > 0";
      return rule(QUEUE, expr)
          .pendingFor(spec.pendingFor())
          .putAllLabels(labels("warning"))
          .putAllAnnotations(
              text(
                  QUEUE,
                  "Queue of {{ $labels.model_name }} on {{ $labels.instance }} is growing",
                  "More than "
                      + spec.waitingRequestsThreshold()
                      + " requests wait in the engine and"
                      + " the queue grew over the last "
                      + w
                      + ".",
                  "Scale out (see EasAutoscaling for a QPS threshold derived from queue targets) or"
                      + " shed low-priority traffic."))
          .build();
    }

    AlertRule spot() {
      String w = PromDurations.format(spec.spotPreemptionWindow());
      String expr =
          "sum by (job_name) (increase("
              + SPOT_PREEMPTIONS
              + "["
              + w
              + "])) >= "
              + spec.spotPreemptionThreshold();
      return rule(SPOT, expr)
          .putAllLabels(labels("info"))
          .putAllAnnotations(
              text(
                  SPOT,
                  "Training job {{ $labels.job_name }} was preempted repeatedly",
                  "At least " + spec.spotPreemptionThreshold() + " spot preemptions in " + w + ".",
                  "Spot capacity is scarce: let the spot run fall back to on-demand, or try another"
                      + " instance type or zone."))
          .build();
    }

    AlertRule rollback() {
      String w = PromDurations.format(spec.rollbackWindow());
      String expr = "sum by (service, gate) (increase(" + RELEASE_ROLLBACKS + "[" + w + "])) > 0";
      return rule(ROLLBACK, expr)
          .putAllLabels(labels("warning"))
          .putAllAnnotations(
              text(
                  ROLLBACK,
                  "Release of {{ $labels.service }} was rolled back by the {{ $labels.gate }} gate",
                  "A blue-green release was rolled back within the last " + w + ".",
                  "Read the release's gate report, compare the new version's p99 and errors with the"
                      + " old one, fix and release again."))
          .build();
    }

    private AlertRule.Builder rule(String name, String expr) {
      return AlertRule.builder().name(name).expr(expr);
    }

    private Map<String, String> labels(String severity) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("severity", severity);
      out.putAll(spec.labels());
      return out;
    }

    private Map<String, String> text(
        String name, String summary, String description, String runbook) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("summary", summary);
      out.put("description", description);
      out.put("runbook", runbook);
      spec.runbookBaseUrl()
          .ifPresent(u -> out.put("runbook_url", u.replaceAll("/+$", "") + "/" + name));
      return out;
    }
  }

  private static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return s == Math.rint(s) ? Long.toString((long) s) + ".0" : Double.toString(s);
  }

  private static String percent(double fraction) {
    double p = fraction * 100;
    return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
  }
}
