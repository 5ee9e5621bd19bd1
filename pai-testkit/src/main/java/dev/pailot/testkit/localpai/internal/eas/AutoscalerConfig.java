package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A service's horizontal autoscaler (§3.6): replica bounds, the metrics that drive it and the
 * behaviour windows. Request keys are lower-camel ({@code min}, {@code scaleStrategies}, ...).
 *
 * @param min fewest replicas
 * @param max most replicas
 * @param strategies the metrics and their per-instance thresholds
 * @param behavior stabilization windows, in emulated seconds
 * @param body the request body as sent, kept for persistence and {@code Behavior} in Describe
 */
record AutoscalerConfig(
    int min, int max, List<Strategy> strategies, Behavior behavior, ObjectNode body) {
  private static final Set<String> METRICS = Set.of("qps", "cpu", "gpu", "gpu[util]");

  /**
   * One scaling metric.
   *
   * @param metricName {@code qps}, {@code cpu}, {@code gpu} or {@code gpu[util]} (lower case)
   * @param threshold scale out when the per-instance average exceeds it
   * @param service the service whose metric counts (default: the scaled service)
   */
  record Strategy(String metricName, double threshold, String service) {}

  /**
   * Behaviour windows, in emulated seconds.
   *
   * @param scaleUpWindow how long a higher recommendation must hold before scaling out (default 0)
   * @param scaleDownWindow how long a lower recommendation must hold before scaling in (default
   *     300)
   * @param zeroGrace how long without traffic before scaling to zero (default 600)
   * @param activationReplicas replicas started when traffic arrives at zero (default 1)
   */
  record Behavior(int scaleUpWindow, int scaleDownWindow, int zeroGrace, int activationReplicas) {}

  /**
   * Reads and validates a create/update body.
   *
   * @param body request body
   * @param service the scaled service (default for {@code scaleStrategies[].service})
   * @return the config
   * @throws ServiceError naming the field
   */
  static AutoscalerConfig parse(ObjectNode body, String service) {
    int min = bound(body, "min");
    int max = bound(body, "max");
    if (max <= min) {
      throw ServiceError.invalid("max", "must be greater than min");
    }
    JsonNode strategies = body.get("scaleStrategies");
    if (strategies == null || !strategies.isArray() || strategies.isEmpty()) {
      throw ServiceError.missing("scaleStrategies");
    }
    List<Strategy> out = new ArrayList<>();
    for (JsonNode s : strategies) {
      String metric = s.path("metricName").asText("").toLowerCase(Locale.ROOT);
      if (!METRICS.contains(metric)) {
        throw ServiceError.invalid("scaleStrategies[].metricName", "qps, cpu, gpu or gpu[util]");
      }
      JsonNode threshold = s.get("threshold");
      if (threshold == null || !threshold.isNumber() || threshold.asDouble() <= 0) {
        throw ServiceError.invalid("scaleStrategies[].threshold", "a positive number");
      }
      out.add(new Strategy(metric, threshold.asDouble(), s.path("service").asText(service)));
    }
    return new AutoscalerConfig(min, max, out, behavior(body.path("behavior")), body.deepCopy());
  }

  private static Behavior behavior(JsonNode b) {
    return new Behavior(
        seconds(b.path("scaleUp"), "stabilizationWindowSeconds", 0),
        seconds(b.path("scaleDown"), "stabilizationWindowSeconds", 300),
        seconds(b.path("onZero"), "scaleDownGracePeriodSeconds", 600),
        seconds(b.path("onZero"), "scaleUpActivationReplicas", 1));
  }

  private static int seconds(JsonNode parent, String field, int dflt) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber() || v.asInt() < 0) {
      throw ServiceError.invalid("behavior." + field, "a non-negative integer");
    }
    return v.asInt();
  }

  private static int bound(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw ServiceError.missing(field);
    }
    if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 1000) {
      throw ServiceError.invalid(field, "an integer from 0 to 1000");
    }
    return v.asInt();
  }
}
