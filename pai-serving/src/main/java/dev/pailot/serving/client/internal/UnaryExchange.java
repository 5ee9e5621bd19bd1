package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pailot.core.error.PaiException;
import dev.pailot.serving.client.InferenceRequest;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * A request answered by one whole body: non-streamed chat and completions, embeddings, rerank and
 * raw predict. The body is read on the I/O thread and handed to an {@link AnswerReader}.
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
     * @param response the response (headers only; the body is already read)
     * @param timings builds the timings from the usage the answer reported ({@code null}: none)
     * @return the result
     * @throws IOException if the body is malformed
     * @throws PaiException if the body has the wrong shape
     */
    T read(byte[] body, Response response, TimingsFactory timings) throws IOException;
  }

  /** Builds the request's timings once the answer's usage is known. */
  interface TimingsFactory {
    Timings timings(Usage usage);
  }

  private final HttpUrl url;
  private final byte[] body;
  private final String contentType;
  private final IntPredicate failureStatus;
  private final AnswerReader<T> reader;

  UnaryExchange(
      ClientCore core,
      RequestInfo info,
      InferenceRequest request,
      Payload payload,
      AnswerReader<T> reader) {
    super(core, info, request, new CompletableFuture<>());
    this.url = payload.url();
    this.body = payload.body();
    this.contentType = payload.contentType();
    this.failureStatus = payload.failureStatus();
    this.reader = reader;
  }

  /**
   * What to send and which statuses are failures.
   *
   * @param url where to
   * @param body the body
   * @param contentType its media type
   * @param failureStatus statuses that become exceptions; others go to the reader
   */
  record Payload(HttpUrl url, byte[] body, String contentType, IntPredicate failureStatus) {}

  @Override
  void send() {
    timing.sent(System.nanoTime());
    Call call = core.http().newCall(core.post(url, body, contentType, info, "application/json"));
    onCancel(call::cancel);
    call.enqueue(new Answer());
    armWatchdog();
  }

  private void answered(Response response) {
    if (failureStatus.test(response.code())) {
      fail(core.errors().fromStatus(info, response));
      return;
    }
    try {
      byte[] bytes = response.body().bytes();
      long end = System.nanoTime();
      Timings[] built = new Timings[1];
      T value = reader.read(bytes, response, u -> built[0] = timing.build(end, u, info.endpoint()));
      succeed(value, built[0] != null ? built[0] : timing.build(end, null, info.endpoint()));
    } catch (JsonProcessingException e) {
      fail(core.errors().malformed(info, "the answer body", e, 0));
    } catch (IOException e) {
      fail(core.errors().connectionLost(info, e, 0));
    } catch (PaiException e) {
      fail(e);
    }
  }

  /** OkHttp's callbacks, on the I/O thread. */
  private final class Answer implements Callback {
    @Override
    public void onFailure(Call call, IOException e) {
      if (!isTerminated()) {
        fail(core.errors().unreachable(info, e));
      }
    }

    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        if (!isTerminated()) {
          answered(response);
        }
      }
    }
  }
}
