package dev.pailot.serving.client;

import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.EmbeddingBatcher;
import dev.pailot.serving.client.batch.RerankBatcher;
import dev.pailot.serving.client.batch.internal.BatchClock;
import dev.pailot.serving.client.batch.internal.ClientEmbeddingBatcher;
import dev.pailot.serving.client.batch.internal.ClientRerankBatcher;
import dev.pailot.serving.client.internal.ClientCore;
import dev.pailot.serving.client.internal.ClientSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client for one inference endpoint: an EAS service or service group, or any OpenAI-compatible
 * engine (vLLM, SGLang, BladeLLM). Chat and text completions, streamed or not; embeddings; rerank;
 * raw EAS predict.
 *
 * <pre>{@code
 * try (InferenceClient client = InferenceClient.builder()
 *         .endpoint(endpoint)
 *         .token(token)
 *         .build()) {
 *   ChatResult answer = client.chat(ChatRequest.builder().user("Hello").build());
 * }
 * }</pre>
 *
 * <p>Every request passes the client's admission stage first: at most {@code concurrencyLimit}
 * requests run at once, more wait in a bounded queue (interactive before batch, each within its
 * deadline), and a full queue refuses at once. Each request is then one HTTP call on the client's
 * own daemon threads (or the executor given to the builder), never the common pool. Its timings
 * (TTFT, TPOT, inter-token latency, end to end, tokens) come back in the result and feed the
 * Micrometer meters {@code inference.request.duration}, {@code inference.time.to.first.token},
 * {@code inference.time.per.output.token}, {@code inference.queue.wait}, {@code inference.tokens},
 * {@code inference.requests.rejected} and the gauges {@code inference.requests.in.flight}, {@code
 * inference.requests.queued} and {@code inference.concurrency.limit}, all tagged {@code
 * service_name}.
 *
 * <p>Async methods return a {@link CompletableFuture}; cancelling it withdraws a queued request or
 * closes the HTTP connection, so the engine aborts the generation. Failures are {@link
 * dev.pailot.core.error.PaiException}s (see {@link InferenceException} for the mapping); the
 * blocking methods throw them directly. Dependent stages of the futures run on the client's I/O
 * threads unless you pass your own executor to the {@code *Async} stage methods.
 *
 * <p>Thread-safe; build one per endpoint and share it. Close it to stop its threads: queued and
 * running requests then fail. The token never appears in {@link #toString()}, logs or exceptions.
 */
public final class InferenceClient implements AutoCloseable {
  private final ClientCore core;
  private final ClientSettings settings;

  InferenceClient(ClientCore core, ClientSettings settings) {
    this.core = core;
    this.settings = settings;
  }

  /**
   * A builder; only the endpoint is required.
   *
   * @return a new builder
   */
  public static InferenceClientBuilder builder() {
    return new InferenceClientBuilder();
  }

  /**
   * A non-streamed chat completion, waiting for the answer.
   *
   * @param request the request
   * @return the answer; its timings have no time to first token
   * @throws dev.pailot.core.error.PaiException a subtype saying what failed (see {@link
   *     InferenceException})
   */
  public ChatResult chat(ChatRequest request) {
    return Blocking.await(chatAsync(request));
  }

  /**
   * A non-streamed chat completion.
   *
   * @param request the request
   * @return the answer's future; cancel it to abort the request
   */
  public CompletableFuture<ChatResult> chatAsync(ChatRequest request) {
    return core.chat(request);
  }

  /**
   * A streamed chat completion, delivered to {@code listener} as it arrives.
   *
   * @param request the request
   * @param listener receives deltas, usage, then completion or the failure
   * @return the running stream; close or cancel it to abort the request
   */
  public StreamHandle stream(ChatRequest request, StreamListener listener) {
    return core.stream(request, listener);
  }

  /**
   * A streamed chat completion as a {@code Flow.Publisher} of deltas that honours demand. Nothing
   * is sent until the subscriber requests.
   *
   * @param request the request
   * @return a single-use publisher
   */
  public DeltaPublisher publisher(ChatRequest request) {
    return core.publisher(request);
  }

  /**
   * A non-streamed text completion, waiting for the answer.
   *
   * @param request the request
   * @return the answer
   * @throws dev.pailot.core.error.PaiException a subtype saying what failed
   */
  public ChatResult complete(CompletionRequest request) {
    return Blocking.await(completeAsync(request));
  }

  /**
   * A non-streamed text completion.
   *
   * @param request the request
   * @return the answer's future; cancel it to abort the request
   */
  public CompletableFuture<ChatResult> completeAsync(CompletionRequest request) {
    return core.completion(request);
  }

  /**
   * A streamed text completion, delivered to {@code listener}.
   *
   * @param request the request
   * @param listener receives deltas, usage, then completion or the failure
   * @return the running stream; close or cancel it to abort the request
   */
  public StreamHandle stream(CompletionRequest request, StreamListener listener) {
    return core.stream(request, listener);
  }

  /**
   * A streamed text completion as a {@code Flow.Publisher} of deltas.
   *
   * @param request the request
   * @return a single-use publisher
   */
  public DeltaPublisher publisher(CompletionRequest request) {
    return core.publisher(request);
  }

  /**
   * Embeddings, waiting for the answer.
   *
   * @param request the request
   * @return one vector per input, in input order
   * @throws dev.pailot.core.error.PaiException a subtype saying what failed
   */
  public EmbeddingResult embed(EmbeddingRequest request) {
    return Blocking.await(embedAsync(request));
  }

  /**
   * Embeddings.
   *
   * @param request the request
   * @return the answer's future
   */
  public CompletableFuture<EmbeddingResult> embedAsync(EmbeddingRequest request) {
    return core.embed(request);
  }

  /**
   * Rerank, waiting for the answer.
   *
   * @param request the request
   * @return the scored documents, best first
   * @throws dev.pailot.core.error.PaiException a subtype saying what failed
   */
  public RerankResult rerank(RerankRequest request) {
    return Blocking.await(rerankAsync(request));
  }

  /**
   * Rerank.
   *
   * @param request the request
   * @return the answer's future
   */
  public CompletableFuture<RerankResult> rerankAsync(RerankRequest request) {
    return core.rerank(request);
  }

  /**
   * A raw EAS predict call, waiting for the answer. Unlike the other blocking methods, its first
   * attempt runs on the calling thread itself (an admitted call is written and read right here,
   * with no hand-off to an I/O thread and back: the lowest cost for short processor calls); retries
   * run on the client's threads. The request's deadline always bounds the wait. Interrupting the
   * caller cancels the call (a {@link java.util.concurrent.CancellationException}), but while the
   * thread is blocked reading an answer that has not started arriving, the interrupt is only seen
   * once bytes arrive or the deadline passes: to abort at any moment, use {@link #predictAsync} and
   * cancel its future.
   *
   * @param request the request
   * @return the status and body; see {@link PredictResult#status()} for which statuses throw
   * @throws dev.pailot.core.error.PaiException for gateway failures (401, 403, 429, 502-504) and
   *     connection failures
   */
  public PredictResult predict(PredictRequest request) {
    return Blocking.await(core.predict(request, true));
  }

  /**
   * A raw EAS predict call.
   *
   * @param request the request
   * @return the answer's future
   */
  public CompletableFuture<PredictResult> predictAsync(PredictRequest request) {
    return core.predict(request, false);
  }

  /**
   * A micro-batcher for embeddings: single texts submitted to it coalesce into batched calls of
   * this client (see {@link EmbeddingBatcher}). Batches use the client's default model. Its meters
   * ({@code inference.batch.size}, {@code inference.batch.wait}) go to the client's registry.
   *
   * @param settings limits: items and tokens per batch, longest wait, batches in flight
   * @return a new batcher with its own timer thread; close it before the client
   */
  public EmbeddingBatcher embeddingBatcher(BatchSettings settings) {
    return new ClientEmbeddingBatcher(
        this, settings, this.settings.registry(), BatchClock.system());
  }

  /**
   * A micro-batcher for rerank: requests sharing a query coalesce into batched calls of this client
   * (see {@link RerankBatcher}).
   *
   * @param settings limits: documents and tokens per batch, longest wait, batches in flight
   * @return a new batcher with its own timer thread; close it before the client
   */
  public RerankBatcher rerankBatcher(BatchSettings settings) {
    return new ClientRerankBatcher(this, settings, this.settings.registry(), BatchClock.system());
  }

  /**
   * The {@code service_name} metric tag.
   *
   * @return the service name
   */
  public String serviceName() {
    return settings.serviceName();
  }

  /**
   * The (first) endpoint, without credentials.
   *
   * @return the endpoint URL
   */
  public String endpoint() {
    return settings.endpoint().display();
  }

  /**
   * The health of each endpoint of the pool now: whether it takes traffic (or is ejected, backing
   * off, circuit-open or failing its health check), requests in flight, attempts and faults.
   *
   * @return one status per endpoint, in configuration order
   */
  public List<EndpointStatus> endpointStatus() {
    return core.endpointStatus();
  }

  /**
   * Refuses new requests, fails queued and running ones (closing their connections), removes the
   * client's gauges and stops its own threads. Idempotent.
   */
  @Override
  public void close() {
    core.close();
  }

  @Override
  public String toString() {
    return "InferenceClient{service="
        + settings.serviceName()
        + ", endpoint="
        + settings.endpoint().display()
        + (settings.endpoints().size() > 1 ? " +" + (settings.endpoints().size() - 1) : "")
        + ", token="
        + (settings.token() == null ? "none" : "****")
        + "}";
  }
}
