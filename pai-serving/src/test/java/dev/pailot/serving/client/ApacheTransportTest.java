package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.testkit.SecretLeakGuard;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Transport#APACHE_ASYNC} end to end against MockWebServer: raw predict, chat and embeddings
 * round trips (with the headers the server receives), gateway errors as typed exceptions while a
 * processor's own error is a result, refused connections and failover, a predict that lost its
 * connection mid-body is never repeated, deadlines and cancellation of held calls, answers handed
 * off the I/O reactor to the client's executor, and reactor threads that stop on close. Apache's
 * loggers are at DEBUG throughout (the guard), and the token must not reach them.
 */
class ApacheTransportTest {
  private static final String TOKEN = "apache-token-must-not-leak-5a6b";
  private static final String NIO = "pailot-inference-nio-";

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret(TOKEN);

  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = apache(server.url("/api/predict/echo").toString()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static InferenceClientBuilder apache(String url) {
    return InferenceClient.builder()
        .endpoint(url)
        .token(TOKEN)
        .transport(Transport.APACHE_ASYNC)
        .retry(RetryOptions.none());
  }

  private static RetryOptions retries(int attempts) {
    return RetryOptions.builder()
        .maxAttempts(attempts)
        .baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(2))
        .build();
  }

  private static ChatRequest chat() {
    return ChatRequest.builder().user("Hi").build();
  }

  /** The live reactor threads of the client numbered {@code client}: {@code nio-<client>-<n>}. */
  private static Set<Thread> reactorThreads(int client) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(NIO + client + "-"))
        .collect(Collectors.toSet());
  }

  @Test
  void rawPredictRoundTripsStatusBodyContentTypeAndHeaders() throws InterruptedException {
    server.enqueue(Sse.json(200, "{\"y\":1}").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(201)
            .setHeader("Content-Type", "text/csv")
            .body("a,b")
            .build());

    PredictResult blocking = client.predict(PredictRequest.ofJson("{\"x\":1}"));
    PredictResult async =
        Await.result(
            client.predictAsync(
                PredictRequest.builder()
                    .body("1,2".getBytes(StandardCharsets.UTF_8))
                    .contentType("text/csv")
                    .path("/run")
                    .build()));

    assertThat(blocking.status()).isEqualTo(200);
    assertThat(blocking.bodyText()).isEqualTo("{\"y\":1}");
    assertThat(blocking.contentType()).contains("application/json");
    assertThat(async.status()).isEqualTo(201);
    assertThat(async.bodyText()).isEqualTo("a,b");
    assertThat(async.contentType()).contains("text/csv");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/predict/echo");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo(TOKEN);
    assertThat(first.getHeaders().get("X-Request-Id")).isEqualTo(blocking.requestId());
    assertThat(first.getHeaders().get("Accept")).isNull(); // a predict answer may be any type
    assertThat(first.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(first.getBody().utf8()).isEqualTo("{\"x\":1}");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/api/predict/echo/run");
    assertThat(second.getHeaders().get("X-Request-Id")).isEqualTo(async.requestId());
    assertThat(second.getHeaders().get("Content-Type")).isEqualTo("text/csv");
    assertThat(second.getBody().utf8()).isEqualTo("1,2");
  }

  @Test
  void processorErrorIsAResultButGatewayErrorsAreTypedExceptions() {
    server.enqueue(Sse.json(500, "{\"oops\":true}").build());
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().code(401).body("Authorization Failed").build());

    PredictResult processorError = client.predict(PredictRequest.ofJson("{}"));
    Throwable unavailable = catchThrowable(() -> client.predict(PredictRequest.ofJson("{}")));
    Throwable unauthorized = Await.failure(client.predictAsync(PredictRequest.ofJson("{}")));

    assertThat(processorError.status()).isEqualTo(500);
    assertThat(processorError.bodyText()).isEqualTo("{\"oops\":true}");
    assertThat(unavailable).isExactlyInstanceOf(EndpointUnavailableException.class);
    assertThat(((EndpointUnavailableException) unavailable).retryAfter())
        .contains(Duration.ofSeconds(2));
    assertThat(unauthorized).isInstanceOf(AuthenticationException.class);
    guard.assertNoSecretIn("exception", unauthorized);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void nonStreamedChatIsParsedAndTooManyRequestsIsThrottling() {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("ok")).build());
    server.enqueue(
        Sse.json(429, "{\"error\":{\"message\":\"slow down\"}}")
            .setHeader("Retry-After", "1")
            .build());

    ChatResult answer = client.chat(chat());
    Throwable throttled = Await.failure(client.chatAsync(chat()));

    assertThat(answer.text()).isEqualTo("ok");
    assertThat(answer.finishReason()).contains("stop");
    assertThat(answer.usage().orElseThrow())
        .extracting(Usage::promptTokens, Usage::completionTokens, Usage::totalTokens)
        .containsExactly(5, 2, 7);
    assertThat(throttled).isInstanceOf(ThrottlingException.class);
    assertThat(((ThrottlingException) throttled).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(throttled.getMessage()).contains("slow down");
  }

  @Test
  void embeddingsAreParsedInInputOrder() throws InterruptedException {
    server.enqueue(
        Sse.json(
                200,
                "{\"model\":\"bge\",\"data\":[{\"index\":1,\"embedding\":[0.5,0.5]},"
                    + "{\"index\":0,\"embedding\":[1.0,0.0]}],\"usage\":{\"prompt_tokens\":4,"
                    + "\"total_tokens\":4}}")
            .build());

    EmbeddingResult result = client.embed(EmbeddingRequest.builder().addInputs("a", "b").build());

    assertThat(result.embeddings()).extracting(Embedding::index).containsExactly(0, 1);
    assertThat(result.embeddings().get(0).vector()).containsExactly(1.0f, 0.0f);
    assertThat(result.model()).contains("bge");
    assertThat(result.usage().orElseThrow().promptTokens()).isEqualTo(4);
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/api/predict/echo/v1/embeddings");
  }

  @Test
  void refusedConnectionIsRetryableUnavailableAndFailsOverToTheNextEndpoint() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port + "/api/predict/dead";
    String live = server.url("/api/predict/live").toString();
    server.enqueue(Sse.json(200, "{\"y\":2}").build());

    Throwable refused;
    try (InferenceClient alone = apache(dead).build()) {
      refused = Await.failure(alone.chatAsync(chat()));
    }
    PredictResult failedOver;
    try (InferenceClient pool =
        InferenceClient.builder()
            .addEndpoint(Endpoint.builder().url(dead).token(TOKEN).weight(1000).build())
            .addEndpoint(Endpoint.of(live, TOKEN))
            .transport(Transport.APACHE_ASYNC)
            .retry(retries(2))
            .build()) {
      failedOver = pool.predict(PredictRequest.ofJson("{}"));
    }

    assertThat(refused).isInstanceOf(EndpointUnavailableException.class);
    assertThat(((PaiException) refused).retryable()).isTrue();
    assertThat(refused.getMessage()).contains("could not be sent").contains("127.0.0.1:" + port);
    assertThat(failedOver.bodyText()).isEqualTo("{\"y\":2}");
    assertThat(failedOver.timings().attempts()).isEqualTo(2);
    assertThat(failedOver.timings().endpoint()).isEqualTo(live);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void predictThatLostItsConnectionMidBodyFailsAndIsNeverRepeated() {
    server.enqueue(
        Sse.json(200, "{\"y\":\"lost\"}").onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(Sse.json(200, "{\"y\":\"repeated\"}").build());
    try (InferenceClient retrying =
        apache(server.url("/api/predict/echo").toString()).retry(retries(3)).build()) {
      Throwable failure = Await.failure(retrying.predictAsync(PredictRequest.ofJson("{}")));

      assertThat(failure).isInstanceOf(InferenceResponseException.class);
      assertThat(((InferenceResponseException) failure).reason())
          .isEqualTo(InferenceResponseException.Reason.CONNECTION_LOST);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stalledCallEndsAtItsDeadline() {
    server.enqueue(Sse.json(200, "{\"late\":true}").headersDelay(1, TimeUnit.HOURS).build());
    PredictRequest stalled =
        PredictRequest.builder()
            .body(new byte[] {'{', '}'})
            .deadline(Duration.ofMillis(300))
            .build();

    Throwable failure = catchThrowable(() -> client.predict(stalled));

    assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
    assertThat(((InferenceTimeoutException) failure).phase())
        .isEqualTo(InferenceTimeoutException.Phase.DEADLINE);
    assertThat(failure.getMessage()).contains("deadline of 300 ms");
  }

  @Test
  void cancellingHeldCallsCompletesThemAsCancelled() throws InterruptedException {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("late")).headersDelay(1, TimeUnit.HOURS).build());
    server.enqueue(Sse.json(200, "{\"late\":true}").headersDelay(1, TimeUnit.HOURS).build());
    CompletableFuture<ChatResult> chat = client.chatAsync(chat());
    server.takeRequest();
    CompletableFuture<PredictResult> predict = client.predictAsync(PredictRequest.ofJson("{}"));
    server.takeRequest(); // the server holds both answers

    assertThat(chat.cancel(true)).isTrue();
    assertThat(predict.cancel(true)).isTrue();

    assertThat(Await.failure(chat)).isInstanceOf(CancellationException.class);
    assertThat(Await.failure(predict)).isInstanceOf(CancellationException.class);
  }

  @Test
  void dependentStagesRunOnTheClientsExecutorNotTheReactor() throws InterruptedException {
    HeldAnswers held = new HeldAnswers(() -> Sse.json(200, Sse.wholeAnswer("ok")).build());
    server.setDispatcher(held);
    CompletableFuture<ChatResult> answer = client.chatAsync(chat());
    CompletableFuture<String> stage = answer.thenApply(r -> Thread.currentThread().getName());
    server.takeRequest();
    assertThat(answer).isNotDone(); // the stage is registered before the answer arrives

    held.release();

    assertThat(Await.result(stage))
        .doesNotStartWith("pailot-inference-nio")
        .startsWith("pailot-inference-io-");
  }

  @Test
  void closeStopsTheReactorThreads() {
    InferenceClient own = apache(server.url("/api/predict/echo").toString()).build();
    server.enqueue(Sse.json(200, Sse.wholeAnswer("ok")).build());
    assertThat(own.chat(chat()).text()).isEqualTo("ok");
    // The newest client's number is the highest: reactor threads are named nio-<client>-<n>.
    int newest =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith(NIO))
            .mapToInt(t -> Integer.parseInt(t.getName().substring(NIO.length()).split("-")[0]))
            .max()
            .orElseThrow();
    assertThat(reactorThreads(newest)).isNotEmpty();

    own.close();

    Await.until(() -> reactorThreads(newest).isEmpty(), "the reactor threads to stop");
  }

  /**
   * HttpClient 5.5.1 can lose a cancel when a connect completes on the reactor first; the transport
   * then discards the connection itself. With one connection allowed, a leaked one would hold up
   * the next call until its deadline. The race is rare, so it is tried many times.
   */
  @Test
  void cancelledAndTimedOutCallsGiveTheirOnlyConnectionBack() throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      for (boolean cancel : new boolean[] {false, true}) {
        server.enqueue(Sse.json(200, "{\"late\":true}").headersDelay(1, TimeUnit.HOURS).build());
        server.enqueue(Sse.json(200, "{\"y\":3}").build());
        try (InferenceClient one =
            apache(server.url("/api/predict/echo").toString())
                .retry(RetryOptions.none())
                .maxRequestsPerHost(1)
                .concurrencyLimit(1)
                .build()) {
          if (cancel) {
            CompletableFuture<PredictResult> held = one.predictAsync(PredictRequest.ofJson("{}"));
            server.takeRequest();
            held.cancel(true);
          } else {
            Throwable late =
                catchThrowable(
                    () ->
                        one.predict(
                            PredictRequest.builder()
                                .body(new byte[] {'{', '}'})
                                .deadline(Duration.ofMillis(100))
                                .build()));
            assertThat(late).isInstanceOf(InferenceTimeoutException.class);
            server.takeRequest();
          }
          PredictResult next =
              one.predict(
                  PredictRequest.builder()
                      .body(new byte[] {'{', '}'})
                      .deadline(Duration.ofSeconds(10))
                      .build());
          assertThat(next.bodyText()).as("attempt %d, cancel %s", i, cancel).contains("\"y\":3");
          server.takeRequest();
        }
      }
    }
  }

  @Test
  void streamsGiveTheirOnlyConnectionBackWhenTheyEnd() {
    server.enqueue(Sse.stream(Sse.answer()).build());
    server.enqueue(Sse.json(503, "{\"error\":{\"message\":\"busy\"}}").build());
    server.enqueue(Sse.stream(Sse.chunk("a") + "data: {not json\n\n").build());
    server.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient one =
        apache(server.url("/v1").toString()).maxRequestsPerHost(1).concurrencyLimit(1).build()) {
      ChatRequest request = chat().toBuilder().deadline(Duration.ofSeconds(10)).build();

      ChatResult first = Await.result(one.stream(request, new RecordingListener()).result());
      Throwable refused = Await.failure(one.stream(request, new RecordingListener()).result());
      Throwable broken = Await.failure(one.stream(request, new RecordingListener()).result());
      ChatResult last = Await.result(one.stream(request, new RecordingListener()).result());

      assertThat(first.text()).isEqualTo(last.text()).isNotEmpty();
      assertThat(refused).isInstanceOf(EndpointUnavailableException.class);
      assertThat(broken).isInstanceOf(InferenceResponseException.class);
    }
  }

  @Test
  void transportMustNotBeNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> InferenceClient.builder().transport(null))
        .withMessageContaining("transport");
  }
}
