package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.internal.AccessToken;
import dev.pailot.serving.client.internal.ClientCore;
import dev.pailot.serving.client.internal.ClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * Configures an {@link InferenceClient}. Only an endpoint is required: one with {@link
 * #endpoint(String)}, or a pool with {@link #addEndpoint(Endpoint)}. Not thread-safe; {@link
 * #build()} validates everything and throws a {@link ValidationException} naming the field and the
 * fix, before any thread or connection exists.
 *
 * <pre>{@code
 * InferenceClient client = InferenceClient.builder()
 *     .endpoint("http://123.cn-shanghai.pai-eas.aliyuncs.com/api/predict/qwen_chat")
 *     .token(System.getenv("EAS_TOKEN"))
 *     .meterRegistry(registry)
 *     .build();
 * }</pre>
 */
public final class InferenceClientBuilder {
  /** Default {@link #maxRequests(int)} and {@link #maxRequestsPerHost(int)}. */
  public static final int DEFAULT_MAX_REQUESTS = 512;

  /** Default {@link #concurrencyLimit(int)}. */
  public static final int DEFAULT_CONCURRENCY_LIMIT = 256;

  /** Default {@link #maxQueued(int)}. */
  public static final int DEFAULT_MAX_QUEUED = 1024;

  String endpoint;
  final List<Endpoint> endpoints = new ArrayList<>();
  RetryOptions retry;
  FailoverOptions failover = FailoverOptions.defaults();
  EngineMetricsSteering steering;
  AccessToken token;
  String serviceName;
  String defaultModel;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration firstTokenTimeout = Duration.ofSeconds(60);
  Duration idleTimeout = Duration.ofSeconds(60);
  Duration totalTimeout = Duration.ofMinutes(10);
  OkHttpClient okHttpClient;
  Transport transport = Transport.OKHTTP;
  boolean directListeners;
  MeterRegistry registry;
  ExecutorService executor;
  int maxRequests = DEFAULT_MAX_REQUESTS;
  int maxRequestsPerHost = DEFAULT_MAX_REQUESTS;
  int maxIdleConnections = 64;
  int concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;
  int maxQueued = DEFAULT_MAX_QUEUED;
  AdaptiveConcurrency adaptive;
  boolean interTokenHistogram;

  InferenceClientBuilder() {}

  /**
   * The endpoint: an EAS service or group endpoint ({@code
   * http://{uid}.{region}.pai-eas.aliyuncs.com/api/predict/{name}}, or its VPC form), or any
   * OpenAI-compatible base URL. OpenAI routes go below {@code /v1} (appended unless the URL already
   * ends in {@code /v1}); raw predict calls go to the endpoint itself. Required.
   *
   * @param url the endpoint URL, without query string or user info
   * @return this builder
   */
  public InferenceClientBuilder endpoint(String url) {
    this.endpoint = url;
    return this;
  }

  /**
   * The endpoint, as a URI. See {@link #endpoint(String)}.
   *
   * @param url the endpoint URL
   * @return this builder
   */
  public InferenceClientBuilder endpoint(URI url) {
    return endpoint(url == null ? null : url.toString());
  }

  /**
   * Adds an endpoint (replica, service or region serving the same model) to the pool, after {@link
   * #endpoint(String)} if set. Each request goes to one healthy endpoint ({@link FailoverOptions});
   * failures before the first token are retried on another ({@link #retry(RetryOptions)}).
   *
   * @param endpoint the endpoint, with its own token or none (then {@link #token(String)} applies)
   * @return this builder
   */
  public InferenceClientBuilder addEndpoint(Endpoint endpoint) {
    RequestRules.notNull("endpoints", endpoint, "pass Endpoint.of(url) or Endpoint.of(url, token)");
    endpoints.add(endpoint);
    return this;
  }

  /**
   * Replaces the endpoints added with {@link #addEndpoint(Endpoint)}.
   *
   * @param endpoints the endpoints
   * @return this builder
   */
  public InferenceClientBuilder endpoints(List<Endpoint> endpoints) {
    RequestRules.notNull("endpoints", endpoints, "pass a list of Endpoint values");
    this.endpoints.clear();
    endpoints.forEach(this::addEndpoint);
    return this;
  }

  /**
   * How requests are retried before their first token. Default: {@link RetryOptions#defaults()}
   * with two or more endpoints, {@link RetryOptions#none()} with one.
   *
   * @param options the retry options
   * @return this builder
   */
  public InferenceClientBuilder retry(RetryOptions options) {
    this.retry = options;
    return this;
  }

  /**
   * Health tracking, ejection, circuit breakers, health check and zone preference of the pool.
   *
   * @param options the failover options; default {@link FailoverOptions#defaults()}
   * @return this builder
   */
  public InferenceClientBuilder failover(FailoverOptions options) {
    RequestRules.notNull("failover", options, "pass FailoverOptions.defaults() or a built value");
    this.failover = options;
    return this;
  }

  /**
   * The EAS token (the service's or group's {@code AccessToken}), sent as EAS expects it: {@code
   * Authorization: <token>}. It never appears in {@code toString}, logs or exception messages.
   *
   * @param token the token
   * @return this builder
   */
  public InferenceClientBuilder token(String token) {
    BuilderChecks.token(token);
    this.token = AccessToken.raw(token);
    return this;
  }

  /**
   * A token sent in OpenAI's form, {@code Authorization: Bearer <token>}, for OpenAI-compatible
   * endpoints other than EAS (EAS accepts both forms). Redacted like {@link #token(String)}.
   *
   * @param token the token or API key
   * @return this builder
   */
  public InferenceClientBuilder bearerToken(String token) {
    BuilderChecks.token(token);
    this.token = AccessToken.bearer(token);
    return this;
  }

  /**
   * The {@code service_name} tag of every metric. Default: the name after {@code /api/predict/} in
   * the endpoint, else its host.
   *
   * @param name the service name
   * @return this builder
   */
  public InferenceClientBuilder serviceName(String name) {
    this.serviceName = name;
    return this;
  }

  /**
   * The model for requests that name none. Default: none (the field is left out and vLLM or SGLang
   * use the served model).
   *
   * @param model the model name
   * @return this builder
   */
  public InferenceClientBuilder defaultModel(String model) {
    this.defaultModel = model;
    return this;
  }

  /**
   * TCP and TLS connect timeout. Default 10 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public InferenceClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  /**
   * Longest wait from sending a streamed request to its first token; past it the call is cancelled
   * with an {@link InferenceTimeoutException} of phase {@code FIRST_TOKEN}. Default 60 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public InferenceClientBuilder firstTokenTimeout(Duration timeout) {
    this.firstTokenTimeout = timeout;
    return this;
  }

  /**
   * Longest gap between events of a stream after its first token (phase {@code IDLE}); also the
   * timeout for writing a request body. Paused while a {@code Flow} subscriber has no demand.
   * Default 60 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public InferenceClientBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * Longest time for any request, from submission (queue wait included), unless its own {@link
   * InferenceRequest#deadline()} is shorter. Default 10 min.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public InferenceClientBuilder totalTimeout(Duration timeout) {
    this.totalTimeout = timeout;
    return this;
  }

  /**
   * The one escape hatch to OkHttp: a client whose TLS, proxy, DNS, interceptors, event listener
   * and connection pool the inference client reuses (through {@link OkHttpClient#newBuilder()}; the
   * given client is not changed). The inference client still installs its own sized dispatcher and
   * its timeouts. Interceptors must not log the {@code Authorization} header. Closing the inference
   * client does not close this one.
   *
   * @param client the client to derive from
   * @return this builder
   */
  public InferenceClientBuilder okHttpClient(OkHttpClient client) {
    this.okHttpClient = client;
    return this;
  }

  /**
   * The HTTP stack under generation calls. {@link Transport#APACHE_ASYNC} serves every call and
   * stream from a few non-blocking I/O threads: open streams hold no thread (on Java 17 too), and
   * the latency tail stays short at many concurrent callers. Default {@link Transport#OKHTTP}.
   *
   * @param transport the stack
   * @return this builder
   */
  public InferenceClientBuilder transport(Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /**
   * Whether {@link StreamListener} callbacks run directly on the I/O thread that read the event,
   * with no hand-off to the executor (as gRPC's {@code directExecutor()}). It matters only with
   * {@link Transport#APACHE_ASYNC}, where it saves a thread hand-off for every event: the client
   * guide's benchmark 1 measures the difference. With {@link Transport#OKHTTP} listeners already
   * run on their stream's own reading thread.
   *
   * <p>The listeners must then never block or run long: an I/O thread reads many connections, so a
   * callback that waits stalls every stream on that thread. Hand slow work to your own executor.
   * {@link StreamListener#onDelta} and {@link StreamListener#onUsage} run on the I/O thread, and so
   * do {@link StreamListener#onError} and the failure of {@link StreamHandle#result()} when an
   * event itself ends the stream (malformed JSON, an error event). A normal end and a broken
   * connection are still handed to the executor, as is everything for {@link
   * InferenceClient#publisher(ChatRequest) publisher} streams. Default {@code false}.
   *
   * @param direct whether listeners run on the I/O thread
   * @return this builder
   */
  public InferenceClientBuilder directListeners(boolean direct) {
    this.directListeners = direct;
    return this;
  }

  /**
   * Where metrics go. Default: nowhere (an empty composite registry).
   *
   * @param registry the registry
   * @return this builder
   */
  public InferenceClientBuilder meterRegistry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /**
   * The executor HTTP calls run on, instead of the client's own named daemon threads. Each running
   * call occupies one task while it reads its answer, so it must run at least {@link
   * #maxRequests(int)} tasks at once (a cached or virtual-thread executor, not a small fixed pool).
   * Listener callbacks run on it. The client does not shut it down.
   *
   * <p>Without one, the client runs calls on its own virtual threads on Java 24+ and on a cached
   * pool of platform threads before. OkHttp blocks one thread per open stream, so on Java 17 1,000
   * streams hold 1,000 platform threads; on virtual threads they hold a few dozen platform threads
   * (measured in the client guide's benchmark 4). Java 21-23 are left on platform threads by
   * default because OkHttp 5 blocks inside {@code synchronized}, which pins the carrier thread
   * until Java 24; pass {@code Executors.newVirtualThreadPerTaskExecutor()} here to use them
   * anyway, or a platform-thread executor to opt out of them on Java 24+. With {@link
   * Transport#APACHE_ASYNC} a call or stream occupies a task only while its answer or its newest
   * events are being handled, so the executor's threads follow the work, not the open streams.
   *
   * @param executor the executor
   * @return this builder
   */
  public InferenceClientBuilder executor(ExecutorService executor) {
    this.executor = executor;
    return this;
  }

  /**
   * Concurrent HTTP calls across all hosts (OkHttp's dispatcher). Default {@value
   * #DEFAULT_MAX_REQUESTS}.
   *
   * @param max at least 1
   * @return this builder
   */
  public InferenceClientBuilder maxRequests(int max) {
    this.maxRequests = max;
    return this;
  }

  /**
   * Concurrent HTTP calls to one host. OkHttp's default of 5 would cap every service behind one
   * gateway at 5 streams; this client's default is {@value #DEFAULT_MAX_REQUESTS}. Must be at least
   * the {@link #concurrencyLimit(int)}.
   *
   * @param max at least 1
   * @return this builder
   */
  public InferenceClientBuilder maxRequestsPerHost(int max) {
    this.maxRequestsPerHost = max;
    return this;
  }

  /**
   * Idle keep-alive connections kept in the client's own pool (ignored with {@link
   * #okHttpClient(OkHttpClient)}, whose pool is used). Default 64.
   *
   * @param max at least 0
   * @return this builder
   */
  public InferenceClientBuilder maxIdleConnections(int max) {
    this.maxIdleConnections = max;
    return this;
  }

  /**
   * Requests in flight at once (streams count until they end); more wait in the admission queue.
   * Default {@value #DEFAULT_CONCURRENCY_LIMIT}. Set it near what the engine batches ({@code
   * --max-num-seqs}) to keep queueing on the client, where deadlines and priorities apply.
   *
   * @param limit at least 1
   * @return this builder
   */
  public InferenceClientBuilder concurrencyLimit(int limit) {
    this.concurrencyLimit = limit;
    return this;
  }

  /**
   * Replaces the fixed {@link #concurrencyLimit(int)} with a limit that adapts to time to first
   * token, keeps a share for interactive requests, and refuses at once a request whose expected
   * queue wait would miss its deadline ({@link AdmissionRejectedException.Reason#EXPECTED_WAIT}).
   * Default: none (the fixed limit).
   *
   * @param settings the limits, or {@code null} for the fixed limit
   * @return this builder
   */
  public InferenceClientBuilder adaptiveConcurrency(AdaptiveConcurrency settings) {
    this.adaptive = settings;
    return this;
  }

  /**
   * Lets the engines' own {@code /metrics} steer the {@link #adaptiveConcurrency adaptive limit}:
   * while an engine queues requests or its KV cache is nearly full, the limit may not grow and
   * shrinks. Requires {@link #adaptiveConcurrency(AdaptiveConcurrency)}. Default: off.
   *
   * @param settings the steering settings, or {@code null} for none
   * @return this builder
   */
  public InferenceClientBuilder steerByEngineMetrics(EngineMetricsSteering settings) {
    this.steering = settings;
    return this;
  }

  /**
   * Requests that may wait for admission; one more is refused at once with an {@link
   * AdmissionRejectedException}. Default {@value #DEFAULT_MAX_QUEUED}.
   *
   * @param max at least 0
   * @return this builder
   */
  public InferenceClientBuilder maxQueued(int max) {
    this.maxQueued = max;
    return this;
  }

  /**
   * Whether streamed results carry a histogram of inter-token gaps ({@link
   * InterTokenLatency#bucketCounts()}). Default {@code false}: mean and maximum only.
   *
   * @param enabled whether to record it
   * @return this builder
   */
  public InferenceClientBuilder interTokenHistogram(boolean enabled) {
    this.interTokenHistogram = enabled;
    return this;
  }

  /**
   * Validates the settings and starts the client: its threads (lazily created) and meters.
   *
   * @return the client; close it when done
   * @throws ValidationException naming the invalid setting and the fix
   */
  public InferenceClient build() {
    ClientSettings settings = BuilderChecks.settings(this);
    return new InferenceClient(ClientCore.start(settings), settings);
  }
}
