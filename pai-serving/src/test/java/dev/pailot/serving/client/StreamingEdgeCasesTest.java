package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.InferenceResponseException.Reason;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE stream's edge cases, against raw bodies from MockWebServer. */
class StreamingEdgeCasesTest {
  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/edge").toString())
            .token("edge-token-123456")
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
    client.close();
    server.close();
  }

  private static ChatRequest request() {
    return ChatRequest.builder().model("qwen").user("Hi").build();
  }

  @Test
  void eventsSplitAcrossReadsWithCommentsAndKeepAlivesAreReassembled() {
    String body =
        ": ping\n\n"
            + Sse.role()
            + ": keep-alive\n"
            + Sse.chunk(" Hello")
            + ":\n\n"
            + Sse.chunk(" from")
            + Sse.finish(" PAI", "stop")
            + ": ping\n\n"
            + Sse.usage(12, 3, 8)
            + Sse.done();
    // 7 bytes at a time: every event arrives in several reads.
    server.enqueue(Sse.stream(body).throttleBody(7, 1, TimeUnit.MILLISECONDS).build());
    RecordingListener listener = new RecordingListener();

    ChatResult result = Await.result(client.stream(request(), listener).result());

    assertThat(result.text()).isEqualTo(" Hello from PAI");
    assertThat(listener.text()).isEqualTo(" Hello from PAI");
    assertThat(listener.calls).containsExactly("delta", "delta", "delta", "usage", "complete");
    assertThat(listener.deltas.get(2).finishReason()).contains("stop");
    assertThat(result.finishReason()).contains("stop");
    assertThat(result.usage()).isPresent();
    Usage usage = result.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(12);
    assertThat(usage.completionTokens()).isEqualTo(3);
    assertThat(usage.totalTokens()).isEqualTo(15);
    assertThat(usage.cachedTokens()).contains(8);
    assertThat(result.responseId()).contains("chatcmpl-7");
    assertThat(result.model()).contains("qwen");
  }

  @Test
  void chunkedTransferWithCrLfLineEndingsIsRead() {
    String body = Sse.answer().replace("\n", "\r\n");
    server.enqueue(Sse.stream("").chunkedBody(body, 5).build());
    RecordingListener listener = new RecordingListener();

    ChatResult result = Await.result(client.stream(request(), listener).result());

    assertThat(result.text()).isEqualTo(" Hello from PAI");
    assertThat(result.usage().orElseThrow().cachedTokens()).contains(8);
  }

  @Test
  void eventLargerThanTheReadAheadWindowGetsThrough() {
    String big = "x".repeat(200 * 1024); // larger than any transport's read-ahead window
    String body = Sse.role() + Sse.chunk(big) + Sse.finish("!", "stop") + Sse.done();
    server.enqueue(Sse.stream(body).throttleBody(16 * 1024, 1, TimeUnit.MILLISECONDS).build());

    ChatResult result = Await.result(client.stream(request(), new RecordingListener()).result());

    assertThat(result.text()).hasSize(big.length() + 1).endsWith("x!");
  }

  @Test
  void usageChunkWithEmptyChoicesCarriesUsageOnly() {
    server.enqueue(Sse.stream(Sse.chunk("a") + Sse.usage(4, 1, 0) + Sse.done()).build());
    RecordingListener listener = new RecordingListener();

    ChatResult result = Await.result(client.stream(request(), listener).result());

    assertThat(listener.calls).containsExactly("delta", "usage", "complete");
    assertThat(listener.usage.completionTokens()).isEqualTo(1);
    assertThat(result.timings().tokensIn()).isEqualTo(4);
    assertThat(result.timings().tokensOut()).isEqualTo(1);
  }

  @Test
  void errorInTheMiddleOfAStreamFailsWithTheEngineError() {
    String error =
        Sse.event(
            "{\"error\":{\"message\":\"KV cache exhausted\",\"type\":\"InternalServerError\","
                + "\"code\":500}}");
    server.enqueue(
        Sse.stream(Sse.chunk(" one") + Sse.chunk(" two") + error + Sse.chunk(" never")).build());
    RecordingListener listener = new RecordingListener();

    Throwable failure = Await.failure(client.stream(request(), listener).result());

    assertThat(failure).isInstanceOf(InferenceResponseException.class);
    InferenceResponseException e = (InferenceResponseException) failure;
    assertThat(e.reason()).isEqualTo(Reason.ENGINE_ERROR);
    assertThat(e.deltasReceived()).isEqualTo(2);
    assertThat(e.errorCode()).contains("InternalServerError");
    assertThat(e.getMessage()).contains("KV cache exhausted").contains("after 2 deltas");
    assertThat(e.retryable()).isFalse();
    assertThat(listener.calls).containsExactly("delta", "delta", "error");
    assertThat(listener.error).isSameAs(failure);
  }

  @Test
  void malformedJsonFailsNamingTheEventAndPosition() {
    server.enqueue(
        Sse.stream(Sse.chunk(" ok") + "data: {\"choices\": [}\n\n" + Sse.done()).build());
    RecordingListener listener = new RecordingListener();

    Throwable failure = Await.failure(client.stream(request(), listener).result());

    assertThat(failure).isInstanceOf(InferenceResponseException.class);
    InferenceResponseException e = (InferenceResponseException) failure;
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.getMessage())
        .contains("SSE event 2 is not valid JSON")
        .contains("line 1, column")
        .doesNotContain("choices");
    assertThat(listener.calls).containsExactly("delta", "error");
  }

  @Test
  void streamEndingWithoutDoneIsReportedAsTruncated() {
    server.enqueue(Sse.stream(Sse.chunk(" half") + Sse.chunk(" an")).build());
    RecordingListener listener = new RecordingListener();

    Throwable failure = Await.failure(client.stream(request(), listener).result());

    assertThat(failure).isInstanceOf(InferenceResponseException.class);
    assertThat(((InferenceResponseException) failure).reason())
        .isEqualTo(Reason.ENDED_WITHOUT_DONE);
    assertThat(failure.getMessage()).contains("without data: [DONE] after 2 deltas");
  }

  @Test
  void answerThatIsNotAnEventStreamIsRefused() {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("not streamed")).build());

    Throwable failure = Await.failure(client.stream(request(), new RecordingListener()).result());

    assertThat(failure).isInstanceOf(InferenceResponseException.class);
    assertThat(((InferenceResponseException) failure).reason())
        .isEqualTo(Reason.NOT_AN_EVENT_STREAM);
    assertThat(failure.getMessage()).contains("application/json");
  }

  @Test
  void connectionDroppedMidStreamIsConnectionLost() {
    server.enqueue(
        Sse.stream(Sse.chunk(" a") + Sse.chunk(" b"))
            .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket())
            .build());

    Throwable failure = Await.failure(client.stream(request(), new RecordingListener()).result());

    assertThat(failure).isInstanceOf(InferenceResponseException.class);
    assertThat(((InferenceResponseException) failure).reason()).isEqualTo(Reason.CONNECTION_LOST);
  }

  @Test
  void listenerThatThrowsCancelsTheStreamWithItsException() {
    server.enqueue(Sse.stream(Sse.answer()).build());
    IllegalStateException boom = new IllegalStateException("listener bug");
    StreamListener listener =
        delta -> {
          throw boom;
        };

    Throwable failure = Await.failure(client.stream(request(), listener).result());

    assertThat(failure).isSameAs(boom);
  }
}
