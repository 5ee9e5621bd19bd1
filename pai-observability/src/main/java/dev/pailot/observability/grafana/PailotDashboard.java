package dev.pailot.observability.grafana;

import static dev.pailot.observability.prometheus.MetricNames.CONTROL_PLANE_CALLS;
import static dev.pailot.observability.prometheus.MetricNames.DCGM_FB_FREE;
import static dev.pailot.observability.prometheus.MetricNames.DCGM_FB_USED;
import static dev.pailot.observability.prometheus.MetricNames.QUEUE_WAIT;
import static dev.pailot.observability.prometheus.MetricNames.RAG_STAGE_DURATION;
import static dev.pailot.observability.prometheus.MetricNames.RELEASE_ROLLBACKS;
import static dev.pailot.observability.prometheus.MetricNames.REQUESTS_IN_FLIGHT;
import static dev.pailot.observability.prometheus.MetricNames.REQUESTS_QUEUED;
import static dev.pailot.observability.prometheus.MetricNames.REQUESTS_REJECTED;
import static dev.pailot.observability.prometheus.MetricNames.REQUEST_DURATION;
import static dev.pailot.observability.prometheus.MetricNames.SPOT_PREEMPTIONS;
import static dev.pailot.observability.prometheus.MetricNames.TIME_PER_OUTPUT_TOKEN;
import static dev.pailot.observability.prometheus.MetricNames.TIME_TO_FIRST_TOKEN;
import static dev.pailot.observability.prometheus.MetricNames.TOKENS;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_KV_CACHE_USAGE;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_RUNNING;
import static dev.pailot.observability.prometheus.MetricNames.VLLM_WAITING;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.PaiException;
import java.io.IOException;
import java.util.List;

/**
 * A Grafana dashboard for Pailot's metrics and the engines' vLLM metrics: latency quantiles (the
 * blueprint's p99), TTFT and TPOT, request and error rates, client admission, engine queue and KV
 * cache, GPU memory, RAG stages, control-plane calls, rollbacks and spot preemptions. Import the
 * JSON in Grafana (Dashboards, Import) and pick the Prometheus data source.
 *
 * <p>Stateless and thread-safe.
 */
public final class PailotDashboard {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String SVC = "{service_name=~\"$service_name\"}";

  private PailotDashboard() {}

  /**
   * The panels, in dashboard order.
   *
   * @return panels
   */
  public static List<DashboardPanel> panels() {
    return List.of(
        DashboardPanel.of(
            "Request latency p50 / p99 (blueprint alert: p99 > 1 s)",
            "s",
            quantile(0.99, REQUEST_DURATION),
            quantile(0.5, REQUEST_DURATION)),
        DashboardPanel.of(
            "Requests per second by outcome",
            "reqps",
            "sum by (service_name, outcome) (rate("
                + REQUEST_DURATION
                + "_count"
                + SVC
                + "[$__rate_interval]))"),
        DashboardPanel.of(
            "Error rate",
            "percentunit",
            "sum by (service_name) (rate("
                + REQUEST_DURATION
                + "_count{service_name=~\"$service_name\",outcome!~\"success|cancelled\"}[$__rate_interval]))"
                + " / sum by (service_name) (rate("
                + REQUEST_DURATION
                + "_count"
                + SVC
                + "[$__rate_interval]))"),
        DashboardPanel.of(
            "Time to first token p50 / p99",
            "s",
            quantile(0.99, TIME_TO_FIRST_TOKEN),
            quantile(0.5, TIME_TO_FIRST_TOKEN)),
        DashboardPanel.of("Time per output token p50", "s", quantile(0.5, TIME_PER_OUTPUT_TOKEN)),
        DashboardPanel.of(
            "Tokens per second",
            "short",
            "sum by (service_name, direction) (rate(" + TOKENS + SVC + "[$__rate_interval]))"),
        DashboardPanel.of(
            "Client admission: in flight, queued, rejected/s, queue wait p99",
            "short",
            "sum by (service_name) (" + REQUESTS_IN_FLIGHT + SVC + ")",
            "sum by (service_name) (" + REQUESTS_QUEUED + SVC + ")",
            "sum by (service_name, reason) (rate("
                + REQUESTS_REJECTED
                + SVC
                + "[$__rate_interval]))",
            quantile(0.99, QUEUE_WAIT)),
        DashboardPanel.of(
            "Engine: running and waiting requests",
            "short",
            "sum by (instance, model_name) (" + VLLM_RUNNING + ")",
            "sum by (instance, model_name) (" + VLLM_WAITING + ")"),
        DashboardPanel.of(
            "Engine: KV-cache usage",
            "percentunit",
            "max by (instance, model_name) (" + VLLM_KV_CACHE_USAGE + ")"),
        DashboardPanel.of(
            "GPU memory used (scale out at 95 %)",
            "percentunit", DCGM_FB_USED + " / (" + DCGM_FB_USED + " + " + DCGM_FB_FREE + ")"),
        DashboardPanel.of(
            "RAG stage latency p99",
            "s",
            "histogram_quantile(0.99, sum by (le, stage) (rate("
                + RAG_STAGE_DURATION
                + "_bucket[$__rate_interval])))"),
        DashboardPanel.of(
            "PAI control-plane calls per second",
            "reqps",
            "sum by (product, action, outcome) (rate("
                + CONTROL_PLANE_CALLS
                + "_count[$__rate_interval]))"),
        DashboardPanel.of(
            "Rollbacks and spot preemptions (last hour)",
            "short",
            "sum by (service, gate) (increase(" + RELEASE_ROLLBACKS + "[1h]))",
            "sum by (job_name) (increase(" + SPOT_PREEMPTIONS + "[1h]))"));
  }

  /**
   * The dashboard as Grafana JSON (schema 39), with a Prometheus data-source input and a {@code
   * service_name} variable.
   *
   * @param title the dashboard's title
   * @return JSON
   */
  public static String json(String title) {
    ObjectNode d = JSON.createObjectNode();
    ObjectNode input = d.putArray("__inputs").addObject();
    input.put("name", "DS_PROMETHEUS").put("label", "Prometheus").put("type", "datasource");
    input.put("pluginId", "prometheus").put("pluginName", "Prometheus");
    d.put("title", title).put("uid", "pailot").put("schemaVersion", 39).put("version", 1);
    d.put("editable", true).put("refresh", "30s").putArray("tags").add("pailot");
    d.putObject("time").put("from", "now-1h").put("to", "now");
    ObjectNode var = d.putObject("templating").putArray("list").addObject();
    var.put("name", "service_name").put("label", "service").put("type", "query");
    var.putObject("datasource").put("type", "prometheus").put("uid", "${DS_PROMETHEUS}");
    var.put("query", "label_values(" + REQUEST_DURATION + "_count, service_name)");
    var.put("includeAll", true).put("multi", true).put("allValue", ".*").put("refresh", 2);
    ArrayNode panels = d.putArray("panels");
    List<DashboardPanel> all = panels();
    for (int i = 0; i < all.size(); i++) {
      panels.add(panel(i, all.get(i)));
    }
    try {
      return JSON.writeValueAsString(d);
    } catch (IOException e) {
      throw new PaiException("Could not write the dashboard: " + e.getMessage(), null, e);
    }
  }

  private static ObjectNode panel(int index, DashboardPanel p) {
    ObjectNode panel = JSON.createObjectNode();
    panel.put("id", index + 1).put("type", "timeseries").put("title", p.title());
    panel.putObject("datasource").put("type", "prometheus").put("uid", "${DS_PROMETHEUS}");
    panel
        .putObject("gridPos")
        .put("h", 8)
        .put("w", 12)
        .put("x", (index % 2) * 12)
        .put("y", (index / 2) * 8);
    panel.putObject("fieldConfig").putObject("defaults").put("unit", p.unit());
    ArrayNode targets = panel.putArray("targets");
    for (int q = 0; q < p.queries().size(); q++) {
      ObjectNode t = targets.addObject();
      t.put("refId", String.valueOf((char) ('A' + q))).put("expr", p.queries().get(q));
      t.putObject("datasource").put("type", "prometheus").put("uid", "${DS_PROMETHEUS}");
    }
    return panel;
  }

  private static String quantile(double q, String histogram) {
    return "histogram_quantile("
        + q
        + ", sum by (le, service_name) (rate("
        + histogram
        + "_bucket"
        + SVC
        + "[$__rate_interval])))";
  }
}
