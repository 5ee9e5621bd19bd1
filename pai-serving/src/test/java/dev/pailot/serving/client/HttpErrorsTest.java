package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.testkit.SecretLeakGuard;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP failures become typed exceptions, streamed or not, with the server's retry hints, a fix in
 * the message, and never the token.
 */
class HttpErrorsTest {
  private static final String TOKEN = "eas-token-must-not-leak-9f8e7d";

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret(TOKEN);

  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/errs").toString())
            .token(TOKEN)
            .transport(transport())
            .build();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private PaiException failure(boolean streamed, MockResponse response) {
    server.enqueue(response);
    ChatRequest request = ChatRequest.builder().user("Hi").build();
    CompletableFuture<ChatResult> f =
        streamed
            ? client.stream(request, new RecordingListener()).result()
            : client.chatAsync(request);
    Throwable t = Await.failure(f);
    assertThat(t).isInstanceOf(PaiException.class);
    guard.assertNoSecretIn("exception", t);
    return (PaiException) t;
  }

  private static MockResponse status(int code, String body, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
    if (retryAfter != null) {
      b.setHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void tooManyRequestsCarriesRetryAfter(boolean streamed) {
    PaiException e = failure(streamed, status(429, "{\"error\":{\"message\":\"slow down\"}}", "2"));

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(((ThrottlingException) e).retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.retryable()).isTrue();
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.getMessage()).contains("HTTP 429").contains("slow down").contains("2000 ms");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void tooManyRequestsWithoutRetryAfter(boolean streamed) {
    PaiException e = failure(streamed, status(429, "", null));

    assertThat(e).isInstanceOf(ThrottlingException.class);
    assertThat(((ThrottlingException) e).retryAfter()).isEmpty();
    assertThat(e.getMessage()).contains("retry later with backoff");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void unavailableCarriesRetryAfterWhenSent(boolean streamed) {
    PaiException with = failure(streamed, status(503, "overloaded", "7"));
    PaiException without = failure(streamed, status(503, "", null));

    assertThat(with).isExactlyInstanceOf(EndpointUnavailableException.class);
    assertThat(((EndpointUnavailableException) with).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(with.retryable()).isTrue();
    assertThat(((EndpointUnavailableException) without).retryAfter()).isEmpty();
  }

  @Test
  void retryAfterAsHttpDateIsRead() {
    String date =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30));
    PaiException e = failure(false, status(503, "", date));

    assertThat(((EndpointUnavailableException) e).retryAfter().orElseThrow())
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofSeconds(31));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void noHealthyUpstreamMeansServiceNotReady(boolean streamed) {
    PaiException e = failure(streamed, status(503, "no healthy upstream", null));

    assertThat(e).isInstanceOf(ServiceNotReadyException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("no ready replica").contains("Running");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void unauthorizedSaysToCheckTheToken(boolean streamed) {
    PaiException e = failure(streamed, status(401, "Authorization Failed", null));

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("HTTP 401").contains("check the EAS token");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void authChallengeIsPassedOnNotAnswered(boolean streamed) {
    MockResponse challenge =
        new MockResponse.Builder()
            .code(401)
            .setHeader("WWW-Authenticate", "Basic realm=\"eas\"")
            .body("Authorization Failed")
            .build();
    server.enqueue(challenge); // for a second attempt, which must not happen

    PaiException e = failure(streamed, challenge);

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(server.getRequestCount()).isEqualTo(1); // no HTTP-level retry with credentials
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void badRequestQuotesTheEngine(boolean streamed) {
    String body =
        "{\"error\":{\"message\":\"max_tokens must be at least 1, got 0.\","
            + "\"type\":\"BadRequestError\",\"param\":\"max_tokens\",\"code\":400}}";
    PaiException e = failure(streamed, status(400, body, null));

    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.errorCode()).contains("BadRequestError");
    assertThat(e.getMessage()).contains("max_tokens must be at least 1");
  }

  @Test
  void unknownModelIsNotFound() {
    String body = "{\"object\":\"error\",\"message\":\"The model `gpt-9` does not exist.\"}";
    PaiException e = failure(false, status(404, body, null));

    assertThat(e).isInstanceOf(ResourceNotFoundException.class);
    assertThat(e.getMessage()).contains("gpt-9").contains("check the model name");
  }

  @Test
  void refusedConnectionIsUnavailableAndSafeToRetry() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (InferenceClient dead =
        InferenceClient.builder()
            .endpoint("http://127.0.0.1:" + port + "/v1")
            .token(TOKEN)
            .build()) {
      Throwable t = Await.failure(dead.chatAsync(ChatRequest.builder().user("Hi").build()));

      assertThat(t).isInstanceOf(EndpointUnavailableException.class);
      assertThat(((PaiException) t).retryable()).isTrue();
      assertThat(t.getMessage()).contains("could not be sent").contains("127.0.0.1:" + port);
      guard.assertNoSecretIn("exception", t);
    }
  }

  @Test
  void blockingCallsThrowTheSameTypes() {
    server.enqueue(status(401, "Authorization Failed", null));

    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.chat(ChatRequest.builder().user("Hi").build()));

    assertThat(t).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void tokenIsSentButNeverShown() throws InterruptedException {
    server.enqueue(Sse.json(200, Sse.wholeAnswer("ok")).build());

    ChatResult r = client.chat(ChatRequest.builder().user("Hi").build());

    assertThat(r.text()).isEqualTo("ok");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(TOKEN);
    guard.assertNoSecretIn("client.toString()", client);
    guard.assertNoSecretIn("result", r);
    assertThat(client.toString()).contains("token=****");
    Function<InferenceClientBuilder, String> shown = Object::toString;
    guard.assertNoSecretIn(
        "builder", shown.apply(InferenceClient.builder().endpoint("http://x/").token(TOKEN)));
  }
}
