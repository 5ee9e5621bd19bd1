package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.InferenceTimeoutException.Phase;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's own timeouts cancel the call and say which limit was hit. The limits are short, the
 * server's stalls effectively endless, so the outcome does not depend on timing.
 */
class TimeoutsTest {
  private MockWebServer server;
  private InferenceClient client;
  private volatile boolean stopped;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/slow").toString())
            .firstTokenTimeout(Duration.ofMillis(200))
            .idleTimeout(Duration.ofMillis(200))
            .transport(transport())
            .directListeners(directListeners())
            .build();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  /** Whether stream listeners run on the I/O thread; a subclass runs the same cases so. */
  boolean directListeners() {
    return false;
  }

  @AfterEach
  void stop() {
    stopped = true;
    client.close();
    server.close();
  }

  private static ChatRequest request() {
    return ChatRequest.builder().user("Hi").build();
  }

  @Test
  void noFirstTokenInTimeIsAFirstTokenTimeout() {
    server.enqueue(Sse.stream(Sse.answer()).bodyDelay(1, TimeUnit.HOURS).build());

    Throwable failure = Await.failure(client.stream(request(), new RecordingListener()).result());

    assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
    InferenceTimeoutException e = (InferenceTimeoutException) failure;
    assertThat(e.phase()).isEqualTo(Phase.FIRST_TOKEN);
    assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("no first token within 200 ms");
  }

  @Test
  void stalledStreamIsAnIdleTimeout() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .body(new Stalling(Sse.chunk(" one") + Sse.chunk(" two")))
            .removeHeader("Content-Length") // not -1: strict clients refuse it
            .build());
    RecordingListener listener = new RecordingListener();

    Throwable failure = Await.failure(client.stream(request(), listener).result());

    assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
    InferenceTimeoutException e = (InferenceTimeoutException) failure;
    assertThat(e.phase()).isEqualTo(Phase.IDLE);
    assertThat(e.getMessage()).contains("stalled").contains("after 2 deltas");
    // The timeout is raised on the timer thread; the listener hears of it on its reading thread
    // once the cancelled call unwinds, so its callbacks stay serial.
    Await.until(() -> listener.calls.size() == 3, "onError");
    assertThat(listener.calls).containsExactly("delta", "delta", "error");
    assertThat(listener.error).isSameAs(failure);
  }

  @Test
  void deadlinePassingWhileStreamingCancelsTheCall() {
    EndlessStream endless = new EndlessStream();
    server.enqueue(endless.response());

    Throwable failure =
        Await.failure(
            client.stream(
                    request().toBuilder().deadline(Duration.ofMillis(300)).build(),
                    new RecordingListener())
                .result());

    assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
    assertThat(((InferenceTimeoutException) failure).phase()).isEqualTo(Phase.DEADLINE);
    assertThat(failure.getMessage()).contains("deadline of 300 ms");
    Await.latch(endless.clientClosed, "the server to see the connection closed");
  }

  @Test
  void totalTimeoutBoundsANonStreamedCall() {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("late")).headersDelay(1, TimeUnit.HOURS).build());
    try (InferenceClient bounded =
        InferenceClient.builder()
            .endpoint(server.url("/v1").toString())
            .totalTimeout(Duration.ofMillis(200))
            .build()) {
      Throwable failure = Await.failure(bounded.chatAsync(request()));

      assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
      assertThat(((InferenceTimeoutException) failure).phase()).isEqualTo(Phase.DEADLINE);
      assertThat(failure.getMessage()).contains("total timeout of 200 ms");
    }
  }

  /**
   * Timeouts more than a second away are noted and armed by the client's sweep once they come near
   * (no timer task per request); they still fire, with the same errors.
   */
  @Test
  void farTimeoutsAreArmedByTheSweepAndStillFire() {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("late")).headersDelay(1, TimeUnit.HOURS).build());
    server.enqueue(Sse.stream(Sse.answer()).bodyDelay(1, TimeUnit.HOURS).build());
    try (InferenceClient patient =
        InferenceClient.builder()
            .endpoint(server.url("/v1").toString())
            .firstTokenTimeout(Duration.ofMillis(1_500))
            .transport(transport())
            .directListeners(directListeners())
            .build()) {
      Throwable late =
          Await.failure(
              patient.chatAsync(request().toBuilder().deadline(Duration.ofMillis(1_600)).build()));
      Throwable silent = Await.failure(patient.stream(request(), new RecordingListener()).result());

      assertThat(late).isInstanceOf(InferenceTimeoutException.class);
      assertThat(((InferenceTimeoutException) late).phase()).isEqualTo(Phase.DEADLINE);
      assertThat(late.getMessage()).contains("deadline of 1600 ms");
      assertThat(silent).isInstanceOf(InferenceTimeoutException.class);
      assertThat(((InferenceTimeoutException) silent).phase()).isEqualTo(Phase.FIRST_TOKEN);
    }
  }

  /** Writes its events, then keeps the connection open without writing until the test ends. */
  private final class Stalling implements MockResponseBody {
    private final String events;

    Stalling(String events) {
      this.events = events;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8(events);
      sink.flush();
      try {
        while (!stopped) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
