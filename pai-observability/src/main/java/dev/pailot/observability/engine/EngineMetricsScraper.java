package dev.pailot.observability.engine;

import dev.pailot.core.error.ValidationException;
import dev.pailot.observability.internal.HttpCalls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Reads an inference engine's {@code /metrics} (vLLM, SGLang, or an EAS service in front of one)
 * and parses it into {@link EngineMetrics}.
 *
 * <pre>{@code
 * try (EngineMetricsScraper scraper = EngineMetricsScraper.builder()
 *     .endpoint(service.endpoint())   // .../api/predict/qwen_chat; "/metrics" is appended
 *     .token(service.token())         // sent as "Authorization: Bearer <token>"
 *     .timeout(Duration.ofSeconds(2))
 *     .build()) {
 *   EngineMetrics m = scraper.scrape();
 * }
 * }</pre>
 *
 * <p>Thread-safe: one scraper may be used by many threads. It owns an HTTP client; {@link #close()}
 * releases its connections. The token never appears in {@code toString}, logs or messages.
 */
public final class EngineMetricsScraper implements AutoCloseable {
  private final HttpUrl url;
  private final String token;
  private final Duration timeout;
  private final OkHttpClient http;
  private final Clock clock;

  private EngineMetricsScraper(Builder b) {
    this.url = metricsUrl(b.endpoint);
    this.token = b.token;
    this.timeout = b.timeout;
    this.http = HttpCalls.client(b.timeout);
    this.clock = b.clock;
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
   * Scrapes once, on the calling thread, within the timeout.
   *
   * @return the engine's metrics
   * @throws dev.pailot.core.error.AuthenticationException for HTTP 401/403
   * @throws dev.pailot.core.error.ResourceNotFoundException for HTTP 404
   * @throws dev.pailot.core.error.ServiceUnavailableException for 5xx, timeouts and I/O failures
   *     (retryable)
   * @throws dev.pailot.core.error.PaiException when the body is not Prometheus text
   */
  public EngineMetrics scrape() {
    Request request =
        HttpCalls.bearer(new Request.Builder().url(url).header("Accept", "text/plain"), token);
    String body = HttpCalls.execute(http, request, "engine metrics", false).body();
    return EngineMetrics.from(PrometheusText.parse(body), clock.instant());
  }

  /**
   * The URL scraped.
   *
   * @return the {@code /metrics} URL
   */
  public URI url() {
    return url.uri();
  }

  /** Releases the HTTP client's connections and threads. Idempotent. */
  @Override
  public void close() {
    HttpCalls.release(http);
  }

  @Override
  public String toString() {
    return "EngineMetricsScraper{url="
        + url
        + ", token="
        + (token == null ? "none" : "****")
        + ", timeout="
        + timeout
        + "}";
  }

  private static HttpUrl metricsUrl(String endpoint) {
    HttpUrl base = endpoint == null ? null : HttpUrl.parse(endpoint);
    if (base == null) {
      throw ValidationException.invalidField(
          "endpoint",
          endpoint == null ? "is not set" : "is not an http(s) URL",
          "use the engine's or the EAS service's base URL, e.g. http://host:8000");
    }
    String path = base.encodedPath();
    if (path.endsWith("/metrics")) {
      return base;
    }
    return base.newBuilder()
        .encodedPath(path.endsWith("/") ? path + "metrics" : path + "/metrics")
        .build();
  }

  /** Builder for {@link EngineMetricsScraper}. Not thread-safe. */
  public static final class Builder {
    private String endpoint;
    private String token;
    private Duration timeout = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /**
     * The engine's base URL ({@code /metrics} is appended) or the full {@code /metrics} URL.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:8000} or an EAS service endpoint
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * A token sent as {@code Authorization: Bearer <token>} (EAS gateways need the service's
     * token); none by default.
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * Deadline for one scrape, connect to last byte; 2 s by default.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The clock that stamps {@link EngineMetrics#scrapedAt()}; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates and builds the scraper. No request is sent.
     *
     * @return the scraper
     * @throws ValidationException naming the invalid field
     */
    public EngineMetricsScraper build() {
      HttpCalls.checkSettings(timeout, "2s", "token", token);
      return new EngineMetricsScraper(this);
    }
  }
}
