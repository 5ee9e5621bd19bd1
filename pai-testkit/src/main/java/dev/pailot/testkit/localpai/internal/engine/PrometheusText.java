package dev.pailot.testkit.localpai.internal.engine;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes {@link EngineMetrics} in the Prometheus text exposition format (version 0.0.4), with
 * vLLM's metric names and its {@code model_name} label. {@code vllm:gpu_cache_usage_perc}, the name
 * older vLLM releases used for {@code vllm:kv_cache_usage_perc}, is written too.
 */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);
  private final String label;

  private PrometheusText(String modelName) {
    this.label = "model_name=\"" + escape(modelName) + "\"";
  }

  static String render(EngineMetrics m) {
    PrometheusText t = new PrometheusText(m.modelName);
    t.gauge(
        "vllm:num_requests_running", "Number of requests in model execution batches.", m.running);
    t.gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", m.waiting);
    t.gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", m.kvUsage);
    t.gauge("vllm:gpu_cache_usage_perc", "GPU KV-cache usage (pre-V1 name).", m.kvUsage);
    t.counter("vllm:num_preemptions", "Cumulative number of preemptions.", m.preemptions);
    t.counter("vllm:prompt_tokens", "Number of prefill tokens processed.", m.promptTokens);
    t.counter(
        "vllm:generation_tokens", "Number of generation tokens processed.", m.generationTokens);
    t.successes(m.finished);
    t.histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token.", m.ttft);
    t.histogram(
        "vllm:time_per_output_token_seconds", "Histogram of time per output token.", m.tpot);
    t.histogram("vllm:e2e_request_latency_seconds", "Histogram of end to end latency.", m.e2e);
    return t.out.toString();
  }

  private void head(String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void gauge(String name, String help, double value) {
    head(name, help, "gauge");
    sample(name, label, value);
  }

  private void counter(String name, String help, LongAdder value) {
    head(name + "_total", help, "counter");
    sample(name + "_total", label, value.sum());
  }

  private void successes(Map<String, LongAdder> byReason) {
    head("vllm:request_success_total", "Count of successfully processed requests.", "counter");
    new TreeMap<>(byReason)
        .forEach(
            (reason, n) ->
                sample(
                    "vllm:request_success_total",
                    "finished_reason=\"" + escape(reason) + "\"," + label,
                    n.sum()));
  }

  private void histogram(String name, String help, Histogram h) {
    head(name, help, "histogram");
    double[] bounds = h.bounds();
    long[] cumulative = h.cumulative();
    for (int i = 0; i < cumulative.length; i++) {
      String le = i < bounds.length ? number(bounds[i]) : "+Inf";
      sample(name + "_bucket", label + ",le=\"" + le + "\"", cumulative[i]);
    }
    sample(name + "_sum", label, h.sum());
    sample(name + "_count", label, h.count());
  }

  private void sample(String name, String labels, double value) {
    out.append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
