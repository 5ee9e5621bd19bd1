package dev.pailot.core.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One control-plane request: an {@link Operation} plus path parameters, query parameters and an
 * optional body (JSON tree, or raw JSON text for EAS CreateService/UpdateService). Immutable.
 */
public final class ApiRequest {
  private final Operation operation;
  private final Map<String, String> pathParams;
  private final Map<String, String> query;
  private final JsonNode jsonBody;
  private final String rawBody;

  private ApiRequest(Builder b) {
    this.operation = Objects.requireNonNull(b.operation, "operation");
    this.pathParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParams));
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    this.jsonBody = b.jsonBody;
    this.rawBody = b.rawBody;
  }

  /**
   * A builder for an operation.
   *
   * @param operation the operation
   * @return builder
   */
  public static Builder of(Operation operation) {
    return new Builder(operation);
  }

  /**
   * The operation.
   *
   * @return operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * Unencoded path parameter values by placeholder name.
   *
   * @return path parameters
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * Flattened query parameters in insertion order (RPC lists already as {@code Tag.1.Key}).
   *
   * @return query parameters
   */
  public Map<String, String> query() {
    return query;
  }

  /**
   * JSON body, or {@code null}.
   *
   * @return body
   */
  public JsonNode jsonBody() {
    return jsonBody;
  }

  /**
   * Raw JSON text body (sent as given), or {@code null}.
   *
   * @return body
   */
  public String rawBody() {
    return rawBody;
  }

  /**
   * Whether a retry after a transient failure is safe: the operation is idempotent, or the request
   * carries a {@code ClientToken}.
   *
   * @return retry safety
   */
  public boolean retrySafe() {
    return operation.idempotent() || query.containsKey("ClientToken");
  }

  /**
   * The path with placeholders replaced by percent-encoded values.
   *
   * @return the resolved path
   */
  public String resolvedPath() {
    String path = operation.pathTemplate();
    for (Map.Entry<String, String> e : pathParams.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", PercentEncoding.encode(e.getValue()));
    }
    if (path.contains("{")) {
      throw new IllegalStateException("unresolved path parameter in " + path);
    }
    return path;
  }

  @Override
  public String toString() {
    // Bodies are never printed: they may carry tokens (e.g. dockerAuth, CodeRepoAccessToken).
    return operation.product().id() + ":" + operation.action() + " " + resolvedPath();
  }

  /** Builder for {@link ApiRequest}. Not thread-safe. */
  public static final class Builder {
    private final Operation operation;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private JsonNode jsonBody;
    private String rawBody;

    private Builder(Operation operation) {
      this.operation = operation;
    }

    /**
     * Sets a path parameter.
     *
     * @param name placeholder name
     * @param value unencoded value
     * @return this builder
     */
    public Builder path(String name, String value) {
      pathParams.put(name, Objects.requireNonNull(value, name));
      return this;
    }

    /**
     * Adds a query parameter; {@code null} values are skipped.
     *
     * @param name name
     * @param value value, or {@code null}
     * @return this builder
     */
    public Builder query(String name, Object value) {
      if (value != null) {
        query.put(name, String.valueOf(value));
      }
      return this;
    }

    /**
     * Adds a ROA map-valued query parameter as one JSON string (EAS {@code Labels}, DLC {@code
     * Tags}); skipped when {@code null} or empty.
     *
     * @param name name
     * @param value map, or {@code null}
     * @return this builder
     */
    public Builder queryJson(String name, Map<String, String> value) {
      if (value != null && !value.isEmpty()) {
        query.put(name, JsonQuery.write(value));
      }
      return this;
    }

    /**
     * Adds a ROA list-valued query parameter as comma-separated values (DLC {@code JobIds},
     * AIWorkspace {@code DataSourceTypes}); skipped when {@code null} or empty.
     *
     * @param name name
     * @param values values, or {@code null}
     * @return this builder
     */
    public Builder queryCsv(String name, java.util.Collection<String> values) {
      if (values != null && !values.isEmpty()) {
        query.put(name, String.join(",", values));
      }
      return this;
    }

    /**
     * Adds an RPC list of objects flattened as {@code Name.N.Field} (1-based), e.g. {@code
     * Tag.1.Key=team&Tag.1.Value=ml}.
     *
     * @param name list name, e.g. {@code Tag}
     * @param items one map of field to value per item, in order
     * @return this builder
     */
    public Builder queryList(String name, java.util.List<Map<String, String>> items) {
      int n = 1;
      for (Map<String, String> item : items) {
        for (Map.Entry<String, String> e : item.entrySet()) {
          if (e.getValue() != null) {
            query.put(name + "." + n + "." + e.getKey(), e.getValue());
          }
        }
        n++;
      }
      return this;
    }

    /**
     * Sets a JSON body.
     *
     * @param body JSON tree
     * @return this builder
     */
    public Builder body(JsonNode body) {
      this.jsonBody = body;
      return this;
    }

    /**
     * Sets a raw JSON text body (EAS service specs).
     *
     * @param body JSON text
     * @return this builder
     */
    public Builder rawBody(String body) {
      this.rawBody = body;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return request
     */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
