package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ThrottlingException;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries on one endpoint: {@code Retry-After} honoured, the deadline capping retries, and the
 * endpoint's circuit breaker opening, half-opening and closing. A single endpoint is never ejected
 * (the pool must not empty), so only the breaker is at work here.
 */
class RetryAndBreakerTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InferenceClientBuilder client() {
    return InferenceClient.builder()
        .endpoint(server.url("/api/predict/one").toString())
        .transport(transport());
  }

  private static ChatRequest request() {
    return ChatRequest.builder().user("Hi").build();
  }

  private static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body("busy");
    if (retryAfter != null) {
      b.setHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @Test
  void oneEndpointMakesOneAttemptByDefault() {
    server.enqueue(status(503, null));
    try (InferenceClient client = client().build()) {
      assertThat(Await.failure(client.chatAsync(request())))
          .isInstanceOf(EndpointUnavailableException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterIsHonouredBeforeTheRetry() {
    server.enqueue(status(429, "0.6"));
    server.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = client().retry(RetryOptions.defaults()).build()) {
      long start = System.nanoTime();

      ChatResult result = Await.result(client.stream(request(), new RecordingListener()).result());

      // A lower bound only: the client must not have retried before the server's hint.
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(600));
      assertThat(result.timings().attempts()).isEqualTo(2);
      assertThat(result.text()).isEqualTo(" Hello from PAI");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryThatWouldEndAfterTheDeadlineIsNotMade() {
    server.enqueue(status(503, "30"));
    server.enqueue(Sse.json(200, Sse.wholeAnswer("late")).build());
    try (InferenceClient client =
        client()
            .retry(RetryOptions.builder().maxRetryAfter(Duration.ofMinutes(1)).build())
            .build()) {
      ChatRequest soon = request().toBuilder().deadline(Duration.ofSeconds(3)).build();

      Throwable failure = Await.failure(client.chatAsync(soon));

      // The 503 itself, at once: not a deadline timeout after waiting 3 s for a retry.
      assertThat(failure).isExactlyInstanceOf(EndpointUnavailableException.class);
      assertThat(((EndpointUnavailableException) failure).retryAfter())
          .contains(Duration.ofSeconds(30));
      assertThat(((PaiException) failure).numAttempts()).isEqualTo(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesStopAtMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(429, null));
    }
    try (InferenceClient client =
        client().retry(RetryOptions.builder().maxAttempts(3).build()).build()) {
      Throwable failure = Await.failure(client.chatAsync(request()));

      assertThat(failure).isInstanceOf(ThrottlingException.class);
      assertThat(((PaiException) failure).numAttempts()).isEqualTo(3);
      assertThat(failure.getMessage()).contains("attempt 3");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void circuitBreakerOpensHalfOpensAndCloses() {
    FailoverOptions breaker =
        FailoverOptions.builder()
            .breakerFailures(2)
            .breakerWindow(2)
            .breakerDelay(Duration.ofMillis(300))
            .breakerSuccesses(1)
            .build();
    try (InferenceClient client = client().failover(breaker).build()) {
      server.enqueue(status(500, null));
      server.enqueue(status(500, null));
      Await.failure(client.chatAsync(request()));
      Await.failure(client.chatAsync(request()));
      assertThat(client.endpointStatus().get(0).state())
          .isEqualTo(EndpointStatus.State.CIRCUIT_OPEN);

      // Open: refused at once, nothing sent.
      Throwable refused = Await.failure(client.chatAsync(request()));
      assertThat(refused).isInstanceOf(EndpointUnavailableException.class);
      assertThat(refused.getMessage()).contains("no usable endpoint");
      assertThat(((PaiException) refused).errorCode()).contains("NoUsableEndpoint");
      assertThat(server.getRequestCount()).isEqualTo(2);

      // After the delay a trial goes through; it fails, and the breaker opens again.
      Await.until(
          () -> client.endpointStatus().get(0).state() != EndpointStatus.State.CIRCUIT_OPEN,
          "half-open");
      server.enqueue(status(500, null));
      Await.failure(client.chatAsync(request()));
      assertThat(server.getRequestCount()).isEqualTo(3);
      assertThat(client.endpointStatus().get(0).state())
          .isEqualTo(EndpointStatus.State.CIRCUIT_OPEN);

      // The next trial succeeds and closes it.
      Await.until(
          () -> client.endpointStatus().get(0).state() != EndpointStatus.State.CIRCUIT_OPEN,
          "half-open again");
      server.enqueue(Sse.json(200, Sse.wholeAnswer("back")).build());
      assertThat(client.chat(request()).text()).isEqualTo("back");
      assertThat(client.endpointStatus().get(0).state()).isEqualTo(EndpointStatus.State.AVAILABLE);
    }
  }
}
