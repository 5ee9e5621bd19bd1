package dev.pailot.observability.promql;

import dev.pailot.core.error.ValidationException;
import dev.pailot.observability.internal.HttpCalls;
import dev.pailot.observability.promql.internal.QueryAnswers;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A client for Prometheus's HTTP query API: instant queries ({@code /api/v1/query}) and range
 * queries ({@code /api/v1/query_range}), sent as form-encoded POSTs so long expressions fit.
 *
 * <pre>{@code
 * try (PromQlClient prometheus = PromQlClient.builder().baseUrl("http://127.0.0.1:9090").build()) {
 *   QueryResult p99 = prometheus.query(
 *       "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket[5m]))"
 *           + " by (le, service_name))");
 *   p99.value(Map.of("service_name", "qwen_chat")).ifPresent(...);
 * }
 * }</pre>
 *
 * <p>Thread-safe; calls block the calling thread for at most the timeout. Owns an HTTP client that
 * {@link #close()} releases. A bearer token, if set, never appears in {@code toString} or messages.
 */
public final class PromQlClient implements AutoCloseable {
  private final HttpUrl baseUrl;
  private final String bearerToken;
  private final Duration timeout;
  private final OkHttpClient http;

  private PromQlClient(Builder b) {
    this.baseUrl = b.url;
    this.bearerToken = b.bearerToken;
    this.timeout = b.timeout;
    this.http = HttpCalls.client(b.timeout);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Evaluates an expression now.
   *
   * @param promql the expression
   * @return the result
   * @throws PromQlException when Prometheus answers {@code status: error} (e.g. {@code bad_data})
   * @throws dev.pailot.core.error.ServiceUnavailableException for timeouts and I/O failures
   * @throws ValidationException for a blank expression
   */
  public QueryResult query(String promql) {
    return query(promql, null);
  }

  /**
   * Evaluates an expression at a given time.
   *
   * @param promql the expression
   * @param time the evaluation time, or {@code null} for the server's now
   * @return the result
   * @throws PromQlException when Prometheus answers {@code status: error}
   * @throws dev.pailot.core.error.ServiceUnavailableException for timeouts and I/O failures
   */
  public QueryResult query(String promql, Instant time) {
    if (promql == null || promql.isBlank()) {
      throw ValidationException.invalidField("query", "is blank", "pass a PromQL expression");
    }
    FormBody.Builder form = new FormBody.Builder().add("query", promql).add("timeout", seconds());
    if (time != null) {
      form.add("time", epoch(time));
    }
    return send("query", promql, form.build());
  }

  /**
   * Evaluates an expression over a time range.
   *
   * @param query the expression, range and step
   * @return a {@link ResultType#MATRIX} result
   * @throws PromQlException when Prometheus answers {@code status: error}
   * @throws dev.pailot.core.error.ServiceUnavailableException for timeouts and I/O failures
   */
  public QueryResult queryRange(RangeQuery query) {
    FormBody form =
        new FormBody.Builder()
            .add("query", query.query())
            .add("start", epoch(query.start()))
            .add("end", epoch(query.end()))
            .add(
                "step",
                BigDecimal.valueOf(query.step().toMillis())
                    .movePointLeft(3)
                    .stripTrailingZeros()
                    .toPlainString())
            .add("timeout", seconds())
            .build();
    return send("query_range", query.query(), form);
  }

  /**
   * The server's base URL.
   *
   * @return the URL
   */
  public URI baseUrl() {
    return baseUrl.uri();
  }

  private QueryResult send(String endpoint, String promql, FormBody form) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("api/v1/" + endpoint).build();
    Request request = HttpCalls.bearer(new Request.Builder().url(url).post(form), bearerToken);
    HttpCalls.Answer answer = HttpCalls.execute(http, request, "Prometheus " + endpoint, true);
    return QueryAnswers.read(answer.status(), answer.body(), endpoint, promql);
  }

  private String seconds() {
    return BigDecimal.valueOf(timeout.toMillis())
            .movePointLeft(3)
            .stripTrailingZeros()
            .toPlainString()
        + "s";
  }

  private static String epoch(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Releases the HTTP client's connections and threads. Idempotent. */
  @Override
  public void close() {
    HttpCalls.release(http);
  }

  @Override
  public String toString() {
    return "PromQlClient{baseUrl="
        + baseUrl
        + ", token="
        + (bearerToken == null ? "none" : "****")
        + ", timeout="
        + timeout
        + "}";
  }

  /** Builder for {@link PromQlClient}. Not thread-safe. */
  public static final class Builder {
    private HttpUrl url;
    private String baseUrl;
    private String bearerToken;
    private Duration timeout = Duration.ofSeconds(10);

    Builder() {}

    /**
     * Prometheus's base URL, e.g. {@code http://127.0.0.1:9090} (a path prefix such as {@code
     * /prometheus} is kept).
     *
     * @param baseUrl the URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * A token sent as {@code Authorization: Bearer <token>} (e.g. a managed Prometheus); none by
     * default.
     *
     * @param bearerToken the token
     * @return this builder
     */
    public Builder bearerToken(String bearerToken) {
      this.bearerToken = bearerToken;
      return this;
    }

    /**
     * Deadline for one query, also sent as Prometheus's {@code timeout} parameter; 10 s by default.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Validates and builds the client. No request is sent.
     *
     * @return the client
     * @throws ValidationException naming the invalid field
     */
    public PromQlClient build() {
      url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
      if (url == null) {
        throw ValidationException.invalidField(
            "baseUrl",
            baseUrl == null ? "is not set" : "is not an http(s) URL",
            "use Prometheus's URL, e.g. http://127.0.0.1:9090");
      }
      HttpCalls.checkSettings(timeout, "10s", "bearerToken", bearerToken);
      return new PromQlClient(this);
    }
  }
}
