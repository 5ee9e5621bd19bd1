package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.InferenceResponseException.Reason;
import dev.pailot.testkit.SecretLeakGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover between two endpoints. The first endpoint ({@code primary}) has the highest weight, so
 * the pool always tries it first while it is usable: each test knows which endpoint an attempt goes
 * to. The servers' request counts are the servers' own view of what was sent.
 */
class PoolFailoverTest {
  private static final String TOKEN_A = "token-a-must-not-leak-1c2d";
  private static final String TOKEN_B = "token-b-must-not-leak-3e4f";

  @RegisterExtension
  final SecretLeakGuard guard = SecretLeakGuard.create().secret(TOKEN_A).secret(TOKEN_B);

  private MockWebServer primary;
  private MockWebServer backup;

  @BeforeEach
  void start() throws IOException {
    primary = new MockWebServer();
    primary.start();
    backup = new MockWebServer();
    backup.start();
  }

  /** The HTTP stack under test; a subclass runs the same cases on another. */
  Transport transport() {
    return Transport.OKHTTP;
  }

  @AfterEach
  void stop() {
    primary.close();
    backup.close();
  }

  private String backupUrl() {
    return backup.url("/api/predict/backup").toString();
  }

  private InferenceClientBuilder pool(String primaryUrl, FailoverOptions failover) {
    return InferenceClient.builder()
        .transport(transport())
        .addEndpoint(Endpoint.builder().url(primaryUrl).token(TOKEN_A).weight(1000).build())
        .addEndpoint(Endpoint.of(backupUrl(), TOKEN_B))
        .failover(failover)
        .firstTokenTimeout(Duration.ofMillis(300));
  }

  private InferenceClient pool(FailoverOptions failover) {
    return pool(primary.url("/api/predict/primary").toString(), failover).build();
  }

  private static ChatRequest request() {
    return ChatRequest.builder().user("Hi").build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"down\"}}").build();
  }

  @Test
  void connectionRefusedFailsOverAndEjectsTheEndpoint() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + deadPort + "/api/predict/dead";
    for (int i = 0; i < 3; i++) {
      backup.enqueue(Sse.json(200, Sse.wholeAnswer("ok")).build());
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (InferenceClient client =
        pool(dead, FailoverOptions.builder().consecutiveFailures(2).build())
            .meterRegistry(registry)
            .build()) {
      ChatResult first = client.chat(request());
      ChatResult second = client.chat(request());
      ChatResult third = client.chat(request());

      assertThat(first.timings().attempts()).isEqualTo(2);
      assertThat(first.timings().endpoint()).isEqualTo(backupUrl());
      assertThat(second.timings().attempts()).isEqualTo(2);
      // Two connection failures in a row ejected the dead endpoint: no attempt on it any more.
      assertThat(third.timings().attempts()).isEqualTo(1);
      assertThat(third.timings().endpoint()).isEqualTo(backupUrl());
      EndpointStatus deadStatus = client.endpointStatus().get(0);
      assertThat(deadStatus.state()).isEqualTo(EndpointStatus.State.EJECTED);
      assertThat(deadStatus.faults()).isEqualTo(2);
      assertThat(deadStatus.ejections()).isEqualTo(1);
      assertThat(client.endpointStatus().get(1).state()).isEqualTo(EndpointStatus.State.AVAILABLE);
    }
    assertThat(backup.getRequestCount()).isEqualTo(3);
  }

  @Test
  void serviceUnavailableFailsOverWithTheOtherEndpointsToken() throws Exception {
    primary.enqueue(status(503));
    backup.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = pool(FailoverOptions.defaults())) {
      RecordingListener listener = new RecordingListener();

      ChatResult result = Await.result(client.stream(request(), listener).result());

      assertThat(result.text()).isEqualTo(" Hello from PAI");
      assertThat(listener.text()).isEqualTo(" Hello from PAI");
      assertThat(listener.calls).containsOnlyOnce("complete").doesNotContain("error");
      assertThat(result.timings().attempts()).isEqualTo(2);
      assertThat(result.timings().endpoint()).isEqualTo(backupUrl());
    }
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(backup.getRequestCount()).isEqualTo(1);
    assertThat(primary.takeRequest().getHeaders().get("Authorization")).isEqualTo(TOKEN_A);
    assertThat(backup.takeRequest().getHeaders().get("Authorization")).isEqualTo(TOKEN_B);
  }

  @Test
  void aStreamBrokenAfterItsFirstDeltaFailsOnceAndIsNeverRetried() {
    // The engine dies after two tokens: the stream ends without data: [DONE].
    primary.enqueue(Sse.stream(Sse.role() + Sse.chunk(" a") + Sse.chunk(" b")).build());
    backup.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = pool(FailoverOptions.defaults())) {
      RecordingListener listener = new RecordingListener();

      Throwable failure = Await.failure(client.stream(request(), listener).result());

      assertThat(failure).isInstanceOf(InferenceResponseException.class);
      InferenceResponseException e = (InferenceResponseException) failure;
      assertThat(e.reason()).isEqualTo(Reason.ENDED_WITHOUT_DONE);
      assertThat(e.deltasReceived()).isEqualTo(2);
      assertThat(listener.text()).isEqualTo(" a b");
      assertThat(listener.calls).containsExactly("delta", "delta", "error");
    }
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(backup.getRequestCount()).isZero();
  }

  @Test
  void aStreamBrokenBeforeItsFirstDeltaIsRetriedWithoutDuplicatingOutput() {
    primary.enqueue(Sse.stream(Sse.role()).build()); // ended before any token
    backup.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = pool(FailoverOptions.defaults())) {
      RecordingListener listener = new RecordingListener();

      ChatResult result = Await.result(client.stream(request(), listener).result());

      assertThat(listener.text()).isEqualTo(" Hello from PAI");
      assertThat(listener.calls).containsExactly("delta", "delta", "delta", "usage", "complete");
      assertThat(result.timings().attempts()).isEqualTo(2);
      assertThat(result.timings().endpoint()).isEqualTo(backupUrl());
    }
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(backup.getRequestCount()).isEqualTo(1);
  }

  @Test
  void noFirstTokenInTimeIsRetriedOnTheOtherEndpoint() {
    primary.enqueue(Sse.stream(Sse.answer()).bodyDelay(1, TimeUnit.HOURS).build());
    backup.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = pool(FailoverOptions.defaults())) {
      ChatResult result = Await.result(client.stream(request(), new RecordingListener()).result());

      assertThat(result.text()).isEqualTo(" Hello from PAI");
      assertThat(result.timings().attempts()).isEqualTo(2);
      assertThat(result.timings().endpoint()).isEqualTo(backupUrl());
      assertThat(result.timings().timeToFirstToken().orElseThrow())
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aClientErrorIsNotRetried() {
    primary.enqueue(status(400));
    try (InferenceClient client = pool(FailoverOptions.defaults())) {
      Throwable failure = Await.failure(client.chatAsync(request()));

      assertThat(failure).isInstanceOf(ValidationException.class);
    }
    assertThat(backup.getRequestCount()).isZero();
  }

  @Test
  void ejectedEndpointIsReadmittedAndEjectedLongerNextTime() {
    FailoverOptions fast =
        FailoverOptions.builder()
            .consecutiveFailures(1)
            .baseEjectionTime(Duration.ofMillis(400))
            .build();
    try (InferenceClient client = pool(fast)) {
      primary.enqueue(status(502));
      backup.enqueue(Sse.json(200, Sse.wholeAnswer("b")).build());
      assertThat(client.chat(request()).timings().endpoint()).isEqualTo(backupUrl());
      assertThat(client.endpointStatus().get(0).state()).isEqualTo(EndpointStatus.State.EJECTED);

      Await.until(
          () -> client.endpointStatus().get(0).state() == EndpointStatus.State.AVAILABLE,
          "readmission");
      primary.enqueue(Sse.json(200, Sse.wholeAnswer("a")).build());
      ChatResult readmitted = client.chat(request());
      assertThat(readmitted.text()).isEqualTo("a");
      assertThat(readmitted.timings().attempts()).isEqualTo(1);

      primary.enqueue(status(502));
      backup.enqueue(Sse.json(200, Sse.wholeAnswer("b")).build());
      client.chat(request());
      EndpointStatus again = client.endpointStatus().get(0);
      assertThat(again.state()).isEqualTo(EndpointStatus.State.EJECTED);
      assertThat(again.ejections()).isEqualTo(2);
      // The second ejection in a row lasts twice the base time.
      assertThat(again.ejectedFor().orElseThrow()).isGreaterThan(Duration.ofMillis(400));
    }
  }

  @Test
  void maxEjectionPercentNeverEmptiesThePool() {
    FailoverOptions eager = FailoverOptions.builder().consecutiveFailures(1).build();
    String primaryUrl = primary.url("/api/predict/primary").toString();
    try (InferenceClient client = pool(primaryUrl, eager).retry(RetryOptions.none()).build()) {
      primary.enqueue(status(500));
      backup.enqueue(status(500));
      backup.enqueue(status(500));
      for (int i = 0; i < 3; i++) {
        assertThat(Await.failure(client.chatAsync(request())))
            .isInstanceOf(EndpointUnavailableException.class);
      }
      long ejected =
          client.endpointStatus().stream()
              .filter(s -> s.state() == EndpointStatus.State.EJECTED)
              .count();
      assertThat(ejected).isEqualTo(1);
      assertThat(client.endpointStatus().get(1).faults()).isEqualTo(2);
    }
  }
}
