package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.CompletionRequest;
import dev.pailot.serving.client.DeltaPublisher;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.EmbeddingResult;
import dev.pailot.serving.client.EndpointStatus;
import dev.pailot.serving.client.GenerationRequest;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.PredictRequest;
import dev.pailot.serving.client.PredictResult;
import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankResult;
import dev.pailot.serving.client.StreamHandle;
import dev.pailot.serving.client.StreamListener;
import dev.pailot.serving.client.Transport;
import dev.pailot.serving.client.internal.admission.AdmissionController;
import dev.pailot.serving.client.internal.pool.EndpointPool;
import dev.pailot.serving.client.internal.pool.HealthProbe;
import dev.pailot.serving.client.internal.pool.RetryPlan;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The pipeline behind {@code InferenceClient}: owns the OkHttp client (and the Apache client when
 * that transport is chosen), the threads, the admission stage and the meters, and turns each call
 * into an {@link Exchange}. Thread-safe.
 */
public final class ClientCore implements AutoCloseable {
  private static final ObjectMapper JSON = PaiRuntime.newObjectMapper();

  /** Watchdog checks further away than this wait for the sweep instead of a timer task. */
  static final long FAR_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final long SWEEP_MILLIS = 250;

  private final ClientSettings settings;
  private final ClientThreads threads;
  private final OkHttpClient http;
  private final CloseableHttpAsyncClient apache;
  private final UnaryTransport unary;
  private final StreamTransport streams;
  private final AdmissionController admission;
  private final InferenceMetrics metrics;
  private final RequestBodies bodies;
  private final AnswerReaders readers;
  private final InferenceErrors errors;
  private final EndpointPool pool;
  private final RetryPlan retries;
  private final HealthProbe probe;
  private final EngineFeedback feedback;

  private final Set<Exchange<?>> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClientCore(ClientSettings settings) {
    this.settings = settings;
    this.threads = new ClientThreads(settings.executor());
    this.http = HttpSetup.client(settings, threads.io());
    this.apache =
        settings.transport() == Transport.APACHE_ASYNC ? ApacheHttp.start(settings) : null;
    this.unary = apache != null ? new ApacheUnary(apache, threads.io()) : new OkHttpUnary(http);
    this.streams =
        apache != null ? new ApacheStreams(apache, threads.io()) : new OkHttpStreams(http);
    this.admission = ClientStages.admission(settings, threads.timer());
    this.metrics = new InferenceMetrics(settings.registry(), settings.serviceName(), admission);
    this.bodies = new RequestBodies(JSON, settings.defaultModel());
    this.readers = new AnswerReaders(JSON);
    this.errors = new InferenceErrors(readers.errorReader());
    this.pool = ClientStages.pool(settings);
    this.retries = new RetryPlan(settings.retry(), pool);
    this.probe = HealthProbe.start(settings.failover(), pool, http, threads.timer());
    this.feedback = EngineFeedback.start(settings, admission, pool.endpoints(), threads.timer());
    threads
        .timer()
        .scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Arms the watchdogs whose checks came within {@link #FAR_NANOS}. */
  private void sweep() {
    long now = System.nanoTime();
    for (Exchange<?> x : live) {
      x.sweep(now);
    }
  }

  /**
   * Starts a client core: creates its threads, OkHttp client and meters.
   *
   * @param settings the resolved settings
   * @return the core; close it to release them
   */
  public static ClientCore start(ClientSettings settings) {
    return new ClientCore(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * A non-streamed chat completion.
   *
   * @param r the request
   * @return the result future
   */
  public CompletableFuture<ChatResult> chat(ChatRequest r) {
    return generation(Operation.CHAT, r, bodies.chat(r, false));
  }

  /**
   * A non-streamed text completion.
   *
   * @param r the request
   * @return the result future
   */
  public CompletableFuture<ChatResult> completion(CompletionRequest r) {
    return generation(Operation.COMPLETION, r, bodies.completion(r, false));
  }

  /**
   * A streamed chat completion delivered to a listener.
   *
   * @param r the request
   * @param listener the listener
   * @return the handle
   */
  public StreamHandle stream(ChatRequest r, StreamListener listener) {
    return stream(Operation.CHAT, r, bodies.chat(r, true), listener);
  }

  /**
   * A streamed text completion delivered to a listener.
   *
   * @param r the request
   * @param listener the listener
   * @return the handle
   */
  public StreamHandle stream(CompletionRequest r, StreamListener listener) {
    return stream(Operation.COMPLETION, r, bodies.completion(r, true), listener);
  }

  /**
   * A streamed chat completion as a publisher.
   *
   * @param r the request
   * @return the publisher
   */
  public DeltaPublisher publisher(ChatRequest r) {
    return publisher(Operation.CHAT, r, bodies.chat(r, true));
  }

  /**
   * A streamed text completion as a publisher.
   *
   * @param r the request
   * @return the publisher
   */
  public DeltaPublisher publisher(CompletionRequest r) {
    return publisher(Operation.COMPLETION, r, bodies.completion(r, true));
  }

  /**
   * Embeddings.
   *
   * @param r the request
   * @return the result future
   */
  public CompletableFuture<EmbeddingResult> embed(EmbeddingRequest r) {
    RequestInfo info = info(Operation.EMBEDDINGS, r);
    return unary(
        false,
        info,
        r,
        json(Operation.EMBEDDINGS, bodies.embeddings(r)),
        (body, response, timings) -> {
          var dto = readers.embedding(body);
          if (dto == null || dto.data() == null) {
            throw errors.unexpected(info, "the answer has no \"data\" list");
          }
          return AnswerReaders.embeddingResult(
              dto, info.requestId(), timings.timings(AnswerReaders.usage(dto.usage())));
        });
  }

  /**
   * Rerank.
   *
   * @param r the request
   * @return the result future
   */
  public CompletableFuture<RerankResult> rerank(RerankRequest r) {
    RequestInfo info = info(Operation.RERANK, r);
    return unary(
        false,
        info,
        r,
        json(Operation.RERANK, bodies.rerank(r)),
        (body, response, timings) -> {
          var dto = readers.rerank(body);
          if (dto == null || dto.results() == null) {
            throw errors.unexpected(info, "the answer has no \"results\" list");
          }
          return AnswerReaders.rerankResult(
              dto, info.requestId(), timings.timings(AnswerReaders.usage(dto.usage())));
        });
  }

  /**
   * A raw EAS predict call.
   *
   * @param r the request
   * @return the result future
   */
  public CompletableFuture<PredictResult> predict(PredictRequest r, boolean callerWaits) {
    RequestInfo info = info(Operation.PREDICT, r);
    UnaryExchange.Payload payload =
        new UnaryExchange.Payload(
            address -> address.predict(r.path()),
            r.body(),
            r.contentType(),
            null, // the answer is whatever the service returns: no Accept, as the EAS SDK
            ClientCore::gatewayFailure);
    return unary(
        callerWaits,
        info,
        r,
        payload,
        (body, response, timings) ->
            PredictResult.builder()
                .status(response.code())
                .body(body)
                .contentType(java.util.Optional.ofNullable(response.header("Content-Type")))
                .requestId(info.requestId())
                .timings(timings.timings(null))
                .build());
  }

  private CompletableFuture<ChatResult> generation(Operation op, GenerationRequest r, byte[] body) {
    RequestInfo info = info(op, r);
    return unary(
        false,
        info,
        r,
        json(op, body),
        (bytes, response, timings) -> {
          var dto = readers.completion(bytes);
          if (dto != null && dto.error() != null) {
            throw errors.streamError(info, dto.error(), 0);
          }
          if (dto == null || dto.firstChoice() == null) {
            throw errors.unexpected(info, "the answer has no choices");
          }
          return AnswerReaders.chatResult(
              dto, info.requestId(), timings.timings(AnswerReaders.usage(dto.usage())));
        });
  }

  private StreamHandle stream(
      Operation op, GenerationRequest r, byte[] body, StreamListener listener) {
    Objects.requireNonNull(listener, "listener");
    StreamExchange x =
        new StreamExchange(
            this,
            info(op, r),
            r,
            body,
            DeltaSink.of(listener, settings.directListeners()),
            new CompletableFuture<>());
    x.start();
    return x;
  }

  private DeltaPublisher publisher(Operation op, GenerationRequest r, byte[] body) {
    RequestInfo info = info(op, r);
    return new DeltaFlow(flow -> new StreamExchange(this, info, r, body, flow, flow.future()));
  }

  private <T> CompletableFuture<T> unary(
      boolean callerWaits,
      RequestInfo info,
      InferenceRequest r,
      UnaryExchange.Payload payload,
      UnaryExchange.AnswerReader<T> reader) {
    UnaryExchange<T> x =
        new UnaryExchange<>(
            this, info, r, payload, reader, callerWaits ? Thread.currentThread() : null);
    x.start();
    return x.future;
  }

  private UnaryExchange.Payload json(Operation op, byte[] body) {
    return new UnaryExchange.Payload(
        address -> address.openAi(op.route()),
        body,
        "application/json",
        "application/json",
        code -> code >= 300);
  }

  /** Statuses of the EAS gateway itself; a processor's own answers go back to the caller. */
  private static boolean gatewayFailure(int code) {
    return code == 401 || code == 403 || code == 429 || code == 502 || code == 503 || code == 504;
  }

  private RequestInfo info(Operation op, InferenceRequest r) {
    String id = r.requestId().orElseGet(RequestIds::next);
    return new RequestInfo(op, settings.serviceName(), settings.endpoint().display(), id, 0);
  }

  void track(Exchange<?> x) {
    live.add(x);
  }

  void untrack(Exchange<?> x) {
    live.remove(x);
  }

  ClientSettings settings() {
    return settings;
  }

  OkHttpClient http() {
    return http;
  }

  UnaryTransport unaryTransport() {
    return unary;
  }

  StreamTransport streamTransport() {
    return streams;
  }

  ScheduledExecutorService timer() {
    return threads.timer();
  }

  EndpointPool pool() {
    return pool;
  }

  RetryPlan retries() {
    return retries;
  }

  /**
   * A snapshot of the pool's endpoints.
   *
   * @return their statuses
   */
  public List<EndpointStatus> endpointStatus() {
    return pool.status();
  }

  AdmissionController admission() {
    return admission;
  }

  InferenceMetrics metrics() {
    return metrics;
  }

  AnswerReaders readers() {
    return readers;
  }

  InferenceErrors errors() {
    return errors;
  }

  /**
   * Refuses new requests, fails queued and running ones, and stops the client's own threads. The
   * connection pool is evicted unless it came from a user-supplied OkHttpClient. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    admission.close();
    if (probe != null) {
      probe.close();
    }
    if (feedback != null) {
      feedback.close();
    }
    for (Exchange<?> x : live.toArray(new Exchange<?>[0])) {
      x.fail(LimitErrors.closedWhileRunning(x.info));
    }
    metrics.close();
    if (apache != null) {
      // Gracefully: the reactor threads close their own connections (every call was failed above,
      // so none is waited for) and stop before the selectors close. Closing them at once from this
      // thread races a reactor thread still walking its ready keys (Apache then logs a
      // ConcurrentModificationException at ERROR).
      apache.close(CloseMode.GRACEFUL);
    }
    threads.close();
    if (settings.baseClient() == null) {
      http.connectionPool().evictAll();
    }
  }
}
