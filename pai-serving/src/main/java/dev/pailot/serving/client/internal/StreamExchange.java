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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streamed chat or text completion over SSE, through the client's {@link StreamTransport}.
 * okhttp-sse's parser reads the event stream (split reads, comments and keep-alives, multi-line
 * data); each event's data is one JSON chunk read with Jackson, or {@code [DONE]}. The reader
 * thread delivers to the sink, waiting for the sink's demand first, and records timings. The time
 * to the first token and the gaps between events are checked by the watchdog. Each attempt has its
 * own {@link Reader} holding what it received; a retry starts from nothing, and the first delta
 * handed to the sink commits the attempt (no retry after it). Thread-safe as a {@link
 * StreamHandle}.
 */
final class StreamExchange extends Exchange<ChatResult> implements StreamHandle {
  private static final Logger LOG = LoggerFactory.getLogger(StreamExchange.class);

  private final String route;
  private final byte[] body;
  private final DeltaSink sink;
  private volatile Usage usage;
  private volatile boolean consumerPaused;
  private volatile Reader activeReader;
  private Throwable pendingError; // guarded by this

  StreamExchange(
      ClientCore core,
      RequestInfo info,
      GenerationRequest request,
      byte[] body,
      DeltaSink sink,
      CompletableFuture<ChatResult> future) {
    super(core, info, request, future);
    this.route = info.operation().route();
    this.body = body;
    this.sink = sink;
  }

  @Override
  void send(Attempt attempt) {
    timing.sent(System.nanoTime());
    Reader reader = new Reader(attempt);
    synchronized (this) {
      activeReader = reader;
    }
    core.streamTransport()
        .open(
            Outgoing.to(
                attempt.endpoint.address().openAi(route),
                body,
                "application/json",
                "text/event-stream",
                info,
                attempt.endpoint),
            reader);
    armWatchdog(attempt);
  }

  @Override
  void resetForRetry() {
    usage = null;
  }

  @Override
  long checkStream(Attempt attempt, long now) {
    Duration limit;
    long due;
    if (timing.firstDelta() == 0) {
      limit = core.settings().firstTokenTimeout();
      due = timing.sent() + limit.toNanos();
      if (now - due >= 0) {
        attemptFailed(attempt, LimitErrors.firstToken(info, limit));
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
      attemptFailed(attempt, LimitErrors.idle(info, limit, timing.deltas()));
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
   * client closing) is handed to the live attempt's reading thread, which calls back once the
   * cancelled call unwinds. Without a live reader (before a call was sent, or between attempts) it
   * is delivered at once.
   */
  @Override
  void notifyFailure(Throwable error) {
    synchronized (this) {
      Reader r = activeReader;
      if (r != null && Thread.currentThread() != r.thread && !r.done) {
        pendingError = error;
        return;
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

  @Override
  public CompletableFuture<ChatResult> result() {
    return future;
  }

  @Override
  public void cancel() {
    future.cancel(false);
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

  /**
   * The transport's reports for one attempt, one at a time on its reading thread, and what it
   * received.
   */
  private final class Reader implements StreamTransport.Events {
    private final Attempt attempt;
    private final StringBuilder text = new StringBuilder();
    private volatile Thread thread;
    private volatile boolean opened;
    private boolean done; // guarded by StreamExchange.this
    private String finishReason;
    private String responseId;
    private String model;
    private boolean sawDone;
    private int events;

    Reader(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public boolean direct() {
      return sink.direct();
    }

    @Override
    public void cancelWith(Runnable cancel) {
      attempt.onCancel(cancel);
    }

    @Override
    public void opened() {
      thread = Thread.currentThread();
      opened = true;
      timing.event(System.nanoTime());
    }

    @Override
    public void event(String data) {
      thread = Thread.currentThread();
      if (live(attempt)) {
        onData(data);
      }
    }

    @Override
    public void closed() {
      thread = Thread.currentThread();
      if (live(attempt)) {
        ended();
      }
      finished();
    }

    @Override
    public void failed(Throwable t, HttpAnswer response) {
      thread = Thread.currentThread();
      if (live(attempt)) {
        broke(t, response);
      }
      finished();
    }

    /** The reading thread's last callback: delivers a failure raised elsewhere meanwhile. */
    private void finished() {
      Throwable error = null;
      synchronized (StreamExchange.this) {
        done = true;
        if (activeReader == this) {
          error = pendingError;
          pendingError = null;
        }
      }
      if (error != null) {
        deliverError(error);
      }
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
        attemptFailed(
            attempt,
            core.errors().malformed(info, "SSE event " + (events + 1), e, timing.deltas()));
        return;
      }
      events++;
      if (chunk == null) {
        attemptFailed(
            attempt, core.errors().unexpected(info, "SSE event " + events + " is JSON null"));
      } else if (chunk.error() != null) {
        attemptFailed(attempt, core.errors().streamError(info, chunk.error(), timing.deltas()));
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
        if ((hasText || choice.finishReason() != null) && !attempt.commit()) {
          return; // abandoned for a retry meanwhile (a first-token timeout): drop it
        }
        if (choice.finishReason() != null) {
          finishReason = choice.finishReason();
        }
        if (hasText) {
          boolean first = timing.deltas() == 0;
          timing.delta(now);
          text.append(piece);
          if (first) {
            firstTokenArrived(now);
          }
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

    private void ended() {
      if (!sawDone) {
        attemptFailed(attempt, core.errors().endedWithoutDone(info, timing.deltas()));
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
              .timings(timing.build(end, u, info))
              .build();
      succeed(result, result.timings());
    }

    private void broke(Throwable t, HttpAnswer response) {
      if (response != null && (response.code() < 200 || response.code() >= 300)) {
        attemptFailed(attempt, core.errors().fromStatus(info, response));
      } else if (t instanceof IOException io) {
        attemptFailed(
            attempt,
            opened
                ? core.errors().connectionLost(info, io, timing.deltas())
                : core.errors().unreachable(info, io));
      } else if (response != null && !opened) {
        attemptFailed(attempt, core.errors().notEventStream(info, response));
      } else {
        attemptFailed(
            attempt,
            t != null ? t : new IllegalStateException("the event stream failed without a cause"));
      }
    }
  }
}
