package dev.pailot.observability.promql.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.PaiException;
import dev.pailot.observability.engine.PrometheusText;
import dev.pailot.observability.promql.Point;
import dev.pailot.observability.promql.PromQlException;
import dev.pailot.observability.promql.QueryResult;
import dev.pailot.observability.promql.ResultType;
import dev.pailot.observability.promql.Series;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Reads Prometheus's query API JSON ({@code {"status", "data": {"resultType", "result"},
 * "errorType", "error", "warnings"}}) into {@link QueryResult}, or the {@link PromQlException} it
 * reports. SDK-internal; thread-safe.
 */
public final class QueryAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RETRYABLE = Set.of("timeout", "unavailable");

  private QueryAnswers() {}

  /**
   * Reads one answer.
   *
   * @param status the HTTP status
   * @param body the JSON body
   * @param endpoint {@code query} or {@code query_range}, for messages
   * @param query the expression, for messages
   * @return the result
   * @throws PromQlException when the answer says {@code status: error}
   * @throws PaiException when the body is not the API's JSON
   */
  public static QueryResult read(int status, String body, String endpoint, String query) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw notApi(status, endpoint);
    }
    if (root == null || !root.isObject()) {
      throw notApi(status, endpoint);
    }
    if ("error".equals(root.path("status").asText())) {
      String type = root.path("errorType").asText("unknown");
      String error = root.path("error").asText("");
      throw new PromQlException(
          "Prometheus refused "
              + endpoint
              + " '"
              + query
              + "' ("
              + type
              + "): "
              + error
              + (type.equals("bad_data") ? ". Fix the expression." : "."),
          type,
          error,
          new ErrorDetails(
              "prometheus",
              endpoint,
              null,
              type,
              error,
              null,
              status,
              RETRYABLE.contains(type),
              1));
    }
    JsonNode data = root.path("data");
    if (!"success".equals(root.path("status").asText()) || !data.has("resultType")) {
      throw notApi(status, endpoint);
    }
    ResultType type = ResultType.fromName(data.path("resultType").asText());
    QueryResult.Builder out = QueryResult.builder().resultType(type);
    root.path("warnings").forEach(w -> out.addWarnings(w.asText()));
    JsonNode result = data.path("result");
    switch (type) {
      case SCALAR:
        out.scalar(point(result));
        break;
      case STRING:
        out.string(result.path(1).asText());
        break;
      default:
        result.forEach(s -> out.addSeries(series(s)));
    }
    return out.build();
  }

  private static Series series(JsonNode node) {
    Series.Builder s = Series.builder();
    for (Map.Entry<String, JsonNode> label : node.path("metric").properties()) {
      s.putLabels(label.getKey(), label.getValue().asText());
    }
    if (node.has("value")) {
      s.addPoints(point(node.path("value")));
    }
    node.path("values").forEach(v -> s.addPoints(point(v)));
    return s.build();
  }

  private static Point point(JsonNode pair) {
    BigDecimal seconds = pair.path(0).decimalValue();
    long millis = seconds.movePointRight(3).longValue();
    return Point.of(Instant.ofEpochMilli(millis), PrometheusText.parseValue(pair.path(1).asText()));
  }

  private static PaiException notApi(int status, String endpoint) {
    return new PaiException(
        "The answer to "
            + endpoint
            + " (HTTP "
            + status
            + ") is not Prometheus's query API JSON."
            + " Check that the base URL points at Prometheus (e.g. http://host:9090).",
        new ErrorDetails("prometheus", endpoint, null, null, null, null, status, false, 1),
        null);
  }
}
