package dev.pailot.serving.eas.internal;

import static dev.pailot.serving.eas.internal.JsonFields.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.serving.eas.AutoscalerSpec;
import dev.pailot.serving.eas.ScaleStrategy;
import java.time.Duration;

/**
 * The autoscaler body of {@code Create/UpdateServiceAutoScaler} and a spec's inline {@code
 * autoscaler} (lower-camel keys, PAI_API.md §3.6). Stateless and thread-safe.
 */
public final class AutoscalerCodec {
  private AutoscalerCodec() {}

  /**
   * Whether {@code node} has the typed shape ({@code min}, {@code max}, {@code scaleStrategies});
   * otherwise a spec keeps it verbatim.
   *
   * @param node candidate
   * @return true if typed
   */
  public static boolean isTyped(JsonNode node) {
    return node.isObject()
        && node.path("min").canConvertToInt()
        && node.path("min").isIntegralNumber()
        && node.path("max").isIntegralNumber()
        && node.path("scaleStrategies").isArray()
        && !node.path("scaleStrategies").isEmpty();
  }

  /**
   * Reads the body.
   *
   * @param node body
   * @return the autoscaler
   */
  public static AutoscalerSpec read(JsonNode node) {
    JsonFields f = JsonFields.of(node);
    AutoscalerSpec.Builder b =
        AutoscalerSpec.builder().min(f.integer("min").orElse(0)).max(f.integer("max").orElse(0));
    f.array(
            s ->
                JsonFields.objectWithOnly(s, "metricName", "threshold", "service")
                    && s.path("metricName").isTextual()
                    && s.path("threshold").isNumber(),
            "scaleStrategies")
        .forEach(
            s ->
                b.addStrategies(
                    ScaleStrategy.builder()
                        .metricName(s.get("metricName").asText())
                        .threshold(s.get("threshold").asDouble())
                        .service(
                            s.path("service").isTextual()
                                ? java.util.Optional.of(s.get("service").asText())
                                : java.util.Optional.empty())
                        .build()));
    b.scaleUpStabilization(
        f.integer("behavior", "scaleUp", "stabilizationWindowSeconds").map(Duration::ofSeconds));
    b.scaleDownStabilization(
        f.integer("behavior", "scaleDown", "stabilizationWindowSeconds").map(Duration::ofSeconds));
    b.scaleToZeroGracePeriod(
        f.integer("behavior", "onZero", "scaleDownGracePeriodSeconds").map(Duration::ofSeconds));
    b.scaleUpActivationReplicas(f.integer("behavior", "onZero", "scaleUpActivationReplicas"));
    return b.extra(f.rest()).build();
  }

  /**
   * Writes the body.
   *
   * @param a autoscaler
   * @return a new JSON object
   */
  public static ObjectNode write(AutoscalerSpec a) {
    ObjectNode out = JsonFields.copy(a.extra());
    out.put("min", a.min()).put("max", a.max());
    ArrayNode strategies = out.putArray("scaleStrategies");
    for (ScaleStrategy s : a.strategies()) {
      ObjectNode n = strategies.addObject().put("metricName", s.metricName());
      double t = s.threshold();
      if (t == Math.rint(t) && Math.abs(t) < 1e15) {
        n.put("threshold", (long) t); // integral thresholds stay integers on the wire
      } else {
        n.put("threshold", t);
      }
      s.service().ifPresent(v -> n.put("service", v));
    }
    put(
        out,
        seconds(a.scaleUpStabilization()),
        "behavior",
        "scaleUp",
        "stabilizationWindowSeconds");
    put(
        out,
        seconds(a.scaleDownStabilization()),
        "behavior",
        "scaleDown",
        "stabilizationWindowSeconds");
    put(
        out,
        seconds(a.scaleToZeroGracePeriod()),
        "behavior",
        "onZero",
        "scaleDownGracePeriodSeconds");
    put(out, a.scaleUpActivationReplicas(), "behavior", "onZero", "scaleUpActivationReplicas");
    return out;
  }

  private static Integer seconds(java.util.Optional<Duration> d) {
    return d.map(x -> (int) x.toSeconds()).orElse(null);
  }
}
