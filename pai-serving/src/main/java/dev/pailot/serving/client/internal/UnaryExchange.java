package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pailot.core.error.PaiException;
import dev.pailot.serving.client.EndpointUnavailableException;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.InferenceResponseException;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntPredicate;
import okhttp3.HttpUrl;

/**
 * A request answered by one whole body: non-streamed chat and completions, embeddings, rerank and
 * raw predict, sent through the client's {@link UnaryTransport}. The body is read off the caller's
 * thread and handed to an {@link AnswerReader}; when the exchange has an inline caller (a blocking
 * raw predict), its first attempt is handled on that caller's own thread instead (OkHttp reads it
 * there; Apache's reactor reads it and hands it over), and retries go through the I/O threads.
 * Nothing reaches the caller before the whole answer is read, so every failure of an attempt may be
 * retried (when its kind is retryable), except a raw predict call that lost its connection while
 * reading: the processor may have acted on it.
 *
 * @param <T> the result type
 */
final class UnaryExchange<T> extends Exchange<T> {
  /** Turns a whole answer into the result. */
  interface AnswerReader<T> {
    /**
     * Reads the answer.
     *
     * @param body the body
     * @param response the answer (status and headers; the body is already read)
     * @param timings builds the timings from the usage the answer reported ({@code null}: none)
     * @return the result
     * @throws IOException if the body is malformed
     * @throws PaiException if the body has the wrong shape
     */
    T read(byte[] body, HttpAnswer response, TimingsFactory timings) throws IOException;
  }

  /** Builds the request's timings once the answer's usage is known. */
  interface TimingsFactory {
    Timings timings(Usage usage);
  }

  private final Function<EndpointAddress, HttpUrl> url;
  private final byte[] body;
  private final String contentType;
  private final String accept;
  private final IntPredicate failureStatus;
  private final AnswerReader<T> reader;
  private final Thread inlineCaller;

  /**
   * An exchange.
   *
   * @param inlineCaller the thread that blocks on the result and may run the first attempt itself,
   *     or {@code null}
   */
  UnaryExchange(
      ClientCore core,
      RequestInfo info,
      InferenceRequest request,
      Payload payload,
      AnswerReader<T> reader,
      Thread inlineCaller) {
    super(core, info, request, new CompletableFuture<>());
    this.inlineCaller = inlineCaller;
    this.url = payload.url();
    this.body = payload.body();
    this.contentType = payload.contentType();
    this.accept = payload.accept();
    this.failureStatus = payload.failureStatus();
    this.reader = reader;
  }

  /**
   * What to send and which statuses are failures.
   *
   * @param url where to, on a given endpoint
   * @param body the body
   * @param contentType its media type
   * @param accept the {@code Accept} header, or {@code null} for none (a raw predict's answer is
   *     whatever the service returns)
   * @param failureStatus statuses that become exceptions; others go to the reader
   */
  record Payload(
      Function<EndpointAddress, HttpUrl> url,
      byte[] body,
      String contentType,
      String accept,
      IntPredicate failureStatus) {}

  @Override
  void send(Attempt attempt) {
    timing.sent(System.nanoTime());
    Outgoing outgoing =
        Outgoing.to(
            url.apply(attempt.endpoint.address()),
            body,
            contentType,
            accept,
            info,
            attempt.endpoint);
    armWatchdog(attempt); // cancels the call at the deadline, whichever thread reads it
    // A caller waiting for this very answer may read it on its own thread, with no hand-off to an
    // I/O thread and back.
    core.unaryTransport()
        .send(outgoing, new Answer(attempt), Thread.currentThread() == inlineCaller);
  }

  private void answered(Attempt attempt, HttpAnswer response) {
    if (failureStatus.test(response.code())) {
      attemptFailed(attempt, core.errors().fromStatus(info, response));
      return;
    }
    try {
      byte[] bytes = response.body();
      long end = System.nanoTime();
      Timings[] built = new Timings[1];
      T value = reader.read(bytes, response, u -> built[0] = timing.build(end, u, info));
      if (live(attempt)) {
        succeed(value, built[0] != null ? built[0] : timing.build(end, null, info));
      }
    } catch (JsonProcessingException e) {
      attemptFailed(attempt, core.errors().malformed(info, "the answer body", e, 0));
    } catch (IOException e) {
      lost(attempt, e);
    } catch (PaiException e) {
      attemptFailed(attempt, e);
    }
  }

  private void lost(Attempt attempt, IOException e) {
    InferenceResponseException lost = core.errors().connectionLost(info, e, 0);
    if (mayHaveActed()) {
      fail(lost);
    } else {
      attemptFailed(attempt, lost);
    }
  }

  /**
   * Whether a raw predict call's processor may have acted on a request whose answer was lost: then
   * it is not repeated (inference routes are safe to repeat; an arbitrary processor may not be).
   */
  private boolean mayHaveActed() {
    return info.operation() == Operation.PREDICT;
  }

  /** The transport's report for one attempt. */
  private final class Answer implements UnaryTransport.Callback {
    private final Attempt attempt;

    Answer(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public void cancelWith(Runnable cancel) {
      attempt.onCancel(cancel);
    }

    @Override
    public void answered(HttpAnswer answer) {
      if (live(attempt)) {
        UnaryExchange.this.answered(attempt, answer);
      }
    }

    @Override
    public void unreachable(IOException e, boolean neverConnected) {
      if (!live(attempt)) {
        return;
      }
      EndpointUnavailableException error = core.errors().unreachable(info, e);
      if (mayHaveActed() && !neverConnected) {
        fail(error);
      } else {
        attemptFailed(attempt, error);
      }
    }

    @Override
    public void lost(IOException e) {
      if (live(attempt)) {
        UnaryExchange.this.lost(attempt, e);
      }
    }

    @Override
    public void interrupted() {
      future.cancel(false); // as an interrupted wait would: the caller sees a cancellation
    }

    @Override
    public void failed(Throwable e) {
      if (live(attempt)) {
        attemptFailed(attempt, e);
      }
    }
  }
}
