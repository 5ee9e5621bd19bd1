package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Delta;
import dev.pailot.serving.client.GenerationRequest;
import dev.pailot.serving.client.StreamHandle;
import dev.pailot.serving.client.Usage;
import dev.pailot.serving.client.internal.wire.ChoiceDto;
import dev.pailot.serving.client.internal.wire.CompletionDto;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streamed chat or text completion over SSE. okhttp-sse parses the event stream (split reads,
 * comments and keep-alives, multi-line data); each event's data is one JSON chunk read with
 * Jackson, or {@code [DONE]}. The reader thread delivers to the sink, waiting for the sink's demand
 * first, and records timings. The time to the first token and the gaps between events are checked
 * by the watchdog. Thread-safe as a {@link StreamHandle}.
 */
final class StreamExchange extends Exchange<ChatResult> implements StreamHandle {
  private static final Logger LOG = LoggerFactory.getLogger(StreamExchange.class);

  private final HttpUrl url;
  private final byte[] body;
  private final DeltaSink sink;
  private final StringBuilder text = new StringBuilder();
  private volatile Usage usage;
  private volatile boolean opened;
  private volatile boolean consumerPaused;
  private volatile Thread reader;
  private volatile boolean sent;
  private Throwable pendingError; // guarded by this
  private boolean readerDone; // guarded by this
  private String finishReason;
  private String responseId;
  private String model;
  private boolean sawDone;
  private int events;

  StreamExchange(
      ClientCore core,
      RequestInfo info,
      GenerationRequest request,
      byte[] body,
      DeltaSink sink,
      CompletableFuture<ChatResult> future) {
    super(core, info, request, future);
    this.url = core.endpoint().openAi(info.operation().route());
    this.body = body;
    this.sink = sink;
  }

  @Override
  void send() {
    timing.sent(System.nanoTime());
    EventSource source =
        core.sse().newEventSource(core.post(url, body, info, "text/event-stream"), new Reader());
    sent = true;
    onCancel(source::cancel);
    armWatchdog();
  }

  @Override
  long checkStream(long now) {
    Duration limit;
    long due;
    if (timing.firstDelta() == 0) {
      limit = core.settings().firstTokenTimeout();
      due = timing.sent() + limit.toNanos();
      if (now - due >= 0) {
        fail(LimitErrors.firstToken(info, limit));
        return Long.MIN_VALUE;
      }
      return due;
    }
    limit = core.settings().idleTimeout();
    if (consumerPaused) {
      return now + limit.toNanos();
    }
    due = timing.lastEvent() + limit.toNanos();
    if (now - due >= 0) {
      fail(LimitErrors.idle(info, limit, timing.deltas()));
      return Long.MIN_VALUE;
    }
    return due;
  }

  @Override
  Usage usageSoFar() {
    return usage;
  }

  @Override
  void notifySuccess(ChatResult value) {
    try {
      sink.complete(value);
    } catch (RuntimeException e) {
      LOG.debug("{}: the stream consumer threw in its completion callback", info.subject(), e);
    }
  }

  /**
   * Keeps the consumer's callbacks serial: a failure raised off the reading thread (a timeout, the
   * client closing) is handed to the reading thread, which calls back once the cancelled call
   * unwinds. Before the call was sent there is no reading thread, so it is delivered at once.
   */
  @Override
  void notifyFailure(Throwable error) {
    if (Thread.currentThread() != reader) {
      synchronized (this) {
        if (sent && !readerDone) {
          pendingError = error;
          return;
        }
      }
    }
    deliverError(error);
  }

  private void deliverError(Throwable error) {
    try {
      sink.error(error);
    } catch (RuntimeException e) {
      LOG.debug("{}: the stream consumer threw in its error callback", info.subject(), e);
    }
  }

  /** The reading thread's last callback: delivers a failure raised elsewhere meanwhile. */
  private void readerFinished() {
    Throwable error;
    synchronized (this) {
      readerDone = true;
      error = pendingError;
      pendingError = null;
    }
    if (error != null) {
      deliverError(error);
    }
  }

  @Override
  public CompletableFuture<ChatResult> result() {
    return future;
  }

  @Override
  public void cancel() {
    future.cancel(false);
  }

  private void onData(String data) {
    long now = System.nanoTime();
    timing.event(now);
    if ("[DONE]".equals(data.strip())) {
      sawDone = true;
      return;
    }
    CompletionDto chunk;
    try {
      chunk = core.readers().completion(data);
    } catch (JsonProcessingException e) {
      fail(core.errors().malformed(info, "SSE event " + (events + 1), e, timing.deltas()));
      return;
    }
    events++;
    if (chunk == null) {
      fail(core.errors().unexpected(info, "SSE event " + events + " is JSON null"));
    } else if (chunk.error() != null) {
      fail(core.errors().streamError(info, chunk.error(), timing.deltas()));
    } else {
      chunk(chunk, now);
    }
  }

  private void chunk(CompletionDto chunk, long now) {
    if (chunk.id() != null) {
      responseId = chunk.id();
    }
    if (chunk.model() != null) {
      model = chunk.model();
    }
    ChoiceDto choice = chunk.firstChoice();
    if (choice != null) {
      String piece = choice.content();
      boolean hasText = piece != null && !piece.isEmpty();
      if (choice.finishReason() != null) {
        finishReason = choice.finishReason();
      }
      if (hasText) {
        timing.delta(now);
        text.append(piece);
      }
      if ((hasText || choice.finishReason() != null) && awaitDemand()) {
        Delta d = Delta.of(hasText ? piece : "", choice.finishReason());
        deliver(() -> sink.delta(d));
      }
    }
    if (chunk.usage() != null && !isTerminated()) {
      Usage u = AnswerReaders.usage(chunk.usage());
      usage = u;
      deliver(() -> sink.usage(u));
    }
  }

  private boolean awaitDemand() {
    consumerPaused = true;
    try {
      return sink.awaitDemand() && !isTerminated();
    } finally {
      consumerPaused = false;
      timing.event(System.nanoTime());
    }
  }

  private void deliver(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException | Error e) {
      failFromConsumer(e);
    }
  }

  private void closed() {
    if (!sawDone) {
      fail(core.errors().endedWithoutDone(info, timing.deltas()));
      return;
    }
    long end = System.nanoTime();
    Usage u = usage;
    ChatResult result =
        ChatResult.builder()
            .text(text.toString())
            .finishReason(Optional.ofNullable(finishReason))
            .usage(Optional.ofNullable(u))
            .requestId(info.requestId())
            .responseId(Optional.ofNullable(responseId))
            .model(Optional.ofNullable(model))
            .timings(timing.build(end, u, info.endpoint()))
            .build();
    succeed(result, result.timings());
  }

  private void failed(Throwable t, Response response) {
    if (response != null && !response.isSuccessful()) {
      fail(core.errors().fromStatus(info, response));
    } else if (t instanceof IOException io) {
      fail(
          opened
              ? core.errors().connectionLost(info, io, timing.deltas())
              : core.errors().unreachable(info, io));
    } else if (response != null && !opened) {
      fail(core.errors().notEventStream(info, response));
    } else {
      fail(t != null ? t : new IllegalStateException("the event stream failed without a cause"));
    }
  }

  /** okhttp-sse's callbacks, all on the reading thread. */
  private final class Reader extends EventSourceListener {
    @Override
    public void onOpen(EventSource source, Response response) {
      reader = Thread.currentThread();
      opened = true;
      timing.event(System.nanoTime());
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
      reader = Thread.currentThread();
      if (!isTerminated()) {
        onData(data);
      }
    }

    @Override
    public void onClosed(EventSource source) {
      reader = Thread.currentThread();
      if (!isTerminated()) {
        closed();
      }
      readerFinished();
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
      reader = Thread.currentThread();
      if (!isTerminated()) {
        failed(t, response);
      }
      readerFinished();
    }
  }
}
