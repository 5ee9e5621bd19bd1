package dev.pailot.serving.client.shadow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer playing an OpenAI-compatible engine that answers chat (whole or streamed) with a
 * fixed word and embeddings with a fixed vector. It can hold every answer until {@link #release()}
 * (a slow endpoint) or fail every call with HTTP 500.
 */
final class FakeEngine implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<String> requestIds = new CopyOnWriteArrayList<>();
  final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final String word;
  private final boolean failing;
  private final boolean holding;

  private FakeEngine(String word, boolean failing, boolean holding) throws Exception {
    this.word = word;
    this.failing = failing;
    this.holding = holding;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        });
    server.start();
  }

  static FakeEngine answering(String word) throws Exception {
    return new FakeEngine(word, false, false);
  }

  static FakeEngine failing() throws Exception {
    return new FakeEngine("", true, false);
  }

  static FakeEngine holding(String word) throws Exception {
    return new FakeEngine(word, false, true);
  }

  String endpoint() {
    return server.url("/api/predict/svc").toString();
  }

  void release() {
    released.countDown();
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    requestIds.add(request.getHeaders().get("X-Request-Id"));
    arrived.countDown();
    if (holding && !released.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("never released");
    }
    if (failing) {
      return json(500, "{\"error\":{\"message\":\"shadow engine crashed\"}}");
    }
    String body = request.getBody().string(StandardCharsets.UTF_8);
    if (request.getUrl().encodedPath().endsWith("/v1/embeddings")) {
      return json(200, "{\"data\":[{\"index\":0,\"embedding\":[0.6,0.8]}]}");
    }
    if (body.contains("\"stream\":true")) {
      String chunk =
          "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "text/event-stream")
          .body(
              String.format(chunk, word, "null")
                  + String.format(chunk, " again", "\"stop\"")
                  + "data: [DONE]\n\n")
          .build();
    }
    return json(
        200,
        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
            + word
            + "\"},\"finish_reason\":\"stop\"}]}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    release();
    server.close();
  }
}
