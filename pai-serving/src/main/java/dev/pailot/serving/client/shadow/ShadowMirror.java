package dev.pailot.serving.client.shadow;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.EmbeddingResult;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.StreamHandle;
import dev.pailot.serving.client.StreamListener;
import dev.pailot.serving.client.shadow.internal.Outcomes;
import dev.pailot.serving.client.shadow.internal.Sampler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side shadow mirroring: sends each request to the primary client and copies a share of them
 * to a shadow client (a candidate model or version), asynchronously, then reports both outcomes to
 * a {@link ShadowListener} such as a {@link ShadowRecorder}. Use it where EAS's server-side traffic
 * mirroring is not available.
 *
 * <pre>{@code
 * ShadowRecorder recorder = ShadowRecorder.withCapacity(1000);
 * ShadowMirror mirror = ShadowMirror.builder()
 *     .primary(primary).shadow(candidate)
 *     .settings(ShadowSettings.builder().share(0.1).maxConcurrent(8).build())
 *     .listener(recorder)
 *     .build();
 * ChatResult answer = mirror.chat(request); // the primary's answer, never the shadow's
 * }</pre>
 *
 * <p>The primary call is never delayed or failed by the shadow: it is sent first, the caller gets
 * the primary's own future or handle, the shadow call runs on the shadow client's threads with its
 * own deadline ({@link ShadowSettings#timeout()}), and when {@link ShadowSettings#maxConcurrent()}
 * shadow calls are already running the copy is dropped and counted. A streamed shadow consumes its
 * whole stream, so its text and timings can be compared. Requests without a request id get one, so
 * both sides carry the same {@code X-Request-Id}.
 *
 * <p>Thread-safe. The mirror owns neither client: close them yourself. {@link #close()} stops
 * mirroring; calls then go to the primary only.
 */
public final class ShadowMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowMirror.class);

  private final InferenceClient primary;
  private final InferenceClient shadow;
  private final ShadowSettings settings;
  private final ShadowListener listener;
  private final Sampler sampler;
  private final Semaphore permits;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong mirrored = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong shadowFailures = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  ShadowMirror(
      InferenceClient primary,
      InferenceClient shadow,
      ShadowSettings settings,
      ShadowListener listener) {
    this.primary = primary;
    this.shadow = shadow;
    this.settings = settings;
    this.listener = listener;
    this.sampler = new Sampler(settings);
    this.permits = new Semaphore(settings.maxConcurrent());
  }

  /**
   * A builder; the primary and shadow clients and a listener are required.
   *
   * @return a new builder
   */
  public static ShadowMirrorBuilder builder() {
    return new ShadowMirrorBuilder();
  }

  /**
   * A non-streamed chat completion on the primary, maybe mirrored.
   *
   * @param request the request
   * @return the primary's answer future, exactly as {@link InferenceClient#chatAsync} returns it
   */
  public CompletableFuture<ChatResult> chatAsync(ChatRequest request) {
    ChatRequest r = withId(request);
    long start = System.nanoTime();
    CompletableFuture<ChatResult> answer = primary.chatAsync(r);
    mirror(r, "chat", start, answer, () -> shadow.chatAsync(shadowCopy(r)), Outcomes::chat);
    return answer;
  }

  /**
   * A non-streamed chat completion on the primary, waiting for it; maybe mirrored.
   *
   * @param request the request
   * @return the primary's answer
   * @throws dev.pailot.core.error.PaiException as {@link InferenceClient#chat} throws
   */
  public ChatResult chat(ChatRequest request) {
    return join(chatAsync(request));
  }

  /**
   * A streamed chat completion on the primary, delivered to {@code listener}; maybe mirrored (the
   * shadow's stream is consumed by the mirror, never shown to the listener).
   *
   * @param request the request
   * @param listener receives the primary's deltas
   * @return the primary's stream handle
   */
  public StreamHandle stream(ChatRequest request, StreamListener listener) {
    ChatRequest r = withId(request);
    long start = System.nanoTime();
    StreamHandle handle = primary.stream(r, listener);
    mirror(
        r,
        "chat.stream",
        start,
        handle.result(),
        () -> shadow.stream(shadowCopy(r), ShadowMirror::discard).result(),
        Outcomes::chat);
    return handle;
  }

  /**
   * Embeddings on the primary, maybe mirrored.
   *
   * @param request the request
   * @return the primary's answer future
   */
  public CompletableFuture<EmbeddingResult> embedAsync(EmbeddingRequest request) {
    EmbeddingRequest r =
        request.requestId().isPresent() ? request : request.toBuilder().requestId(newId()).build();
    long start = System.nanoTime();
    CompletableFuture<EmbeddingResult> answer = primary.embedAsync(r);
    mirror(
        r,
        "embeddings",
        start,
        answer,
        () -> shadow.embedAsync(r.toBuilder().deadline(shadowDeadline(r)).build()),
        Outcomes::embeddings);
    return answer;
  }

  /**
   * Embeddings on the primary, waiting for them; maybe mirrored.
   *
   * @param request the request
   * @return the primary's answer
   * @throws dev.pailot.core.error.PaiException as {@link InferenceClient#embed} throws
   */
  public EmbeddingResult embed(EmbeddingRequest request) {
    return join(embedAsync(request));
  }

  /**
   * The mirror's counters.
   *
   * @return a snapshot
   */
  public ShadowStats stats() {
    return ShadowStats.builder()
        .requests(requests.get())
        .mirrored(mirrored.get())
        .dropped(dropped.get())
        .shadowFailures(shadowFailures.get())
        .inFlight(settings.maxConcurrent() - permits.availablePermits())
        .build();
  }

  /** Stops mirroring: later calls go to the primary only. Running shadow calls finish. */
  @Override
  public void close() {
    closed.set(true);
  }

  /** One side's outcome from its result or failure. */
  private interface OutcomeReader<T> {
    ShadowOutcome read(T result, Throwable error, Duration latency);
  }

  private <T> void mirror(
      InferenceRequest r,
      String operation,
      long start,
      CompletableFuture<T> answer,
      Supplier<CompletableFuture<T>> shadowCall,
      OutcomeReader<T> reader) {
    requests.incrementAndGet();
    String id = r.requestId().orElseThrow();
    if (!sampler.pick(id)) {
      return;
    }
    if (closed.get() || !permits.tryAcquire()) {
      dropped.incrementAndGet();
      return;
    }
    mirrored.incrementAndGet();
    Instant startedAt = Instant.now();
    long shadowStart = System.nanoTime();
    CompletableFuture<T> copy;
    try {
      copy = shadowCall.get();
    } catch (RuntimeException e) { // e.g. the shadow client is closed: never the caller's problem
      copy = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<ShadowOutcome> shadowSide =
        copy.handle(
            (v, t) -> {
              if (t != null) {
                shadowFailures.incrementAndGet();
              }
              permits.release();
              return reader.read(v, t, since(shadowStart));
            });
    answer
        .handle((v, t) -> reader.read(v, t, since(start)))
        .thenCombine(
            shadowSide,
            (p, s) ->
                ShadowComparison.builder()
                    .requestId(id)
                    .operation(operation)
                    .startedAt(startedAt)
                    .primary(p)
                    .shadow(s)
                    .build())
        .thenAccept(this::deliver);
  }

  private void deliver(ShadowComparison comparison) {
    try {
      listener.onComparison(comparison);
    } catch (RuntimeException e) {
      LOG.debug("shadow listener failed for request {}", comparison.requestId(), e);
    }
  }

  private ChatRequest withId(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    return request.requestId().isPresent()
        ? request
        : request.toBuilder().requestId(newId()).build();
  }

  private ChatRequest shadowCopy(ChatRequest r) {
    return r.toBuilder().deadline(shadowDeadline(r)).build();
  }

  private Duration shadowDeadline(InferenceRequest r) {
    return r.deadline().filter(d -> d.compareTo(settings.timeout()) < 0).orElse(settings.timeout());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void discard(Delta delta) {}

  /** Waits as the client's blocking methods do: failures unwrapped, interruption cancels. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("interrupted while waiting");
      c.initCause(e);
      throw c;
    }
  }
}
