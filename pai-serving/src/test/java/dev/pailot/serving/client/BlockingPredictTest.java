package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking raw predict runs its first attempt on the calling thread (no I/O thread is used), and
 * keeps the behaviour of the asynchronous path: deadlines, interrupts, retries through the client's
 * threads.
 */
class BlockingPredictTest {
  private final AtomicInteger ioThreads = new AtomicInteger();
  private ExecutorService io;
  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    // Counts the I/O threads the client starts: the cached pool starts one for its first task.
    io =
        Executors.newCachedThreadPool(
            task -> {
              ioThreads.incrementAndGet();
              Thread t = new Thread(task, "test-io");
              t.setDaemon(true);
              return t;
            });
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/echo").toString())
            .executor(io)
            .transport(transport())
            .retry(
                RetryOptions.builder()
                    .maxAttempts(2)
                    .baseDelay(Duration.ofMillis(1))
                    .maxDelay(Duration.ofMillis(2))
                    .build())
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
    io.shutdownNow();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  @Test
  void blockingPredictUsesNoIoThread() {
    server.enqueue(ok("{\"y\":1}"));
    server.enqueue(ok("{\"y\":2}"));

    PredictResult blocking = client.predict(PredictRequest.ofJson("{\"x\":1}"));
    int afterBlocking = ioThreads.get();
    PredictResult async = client.predictAsync(PredictRequest.ofJson("{\"x\":2}")).join();

    assertThat(blocking.bodyText()).isEqualTo("{\"y\":1}");
    assertThat(afterBlocking).isZero();
    assertThat(async.bodyText()).isEqualTo("{\"y\":2}");
    assertThat(ioThreads.get()).isPositive();
  }

  @Test
  void aRetryOfABlockingPredictRunsOnTheClientsThreads() throws InterruptedException {
    // No Retry-After: OkHttp itself silently repeats a 503 that says "Retry-After: 0".
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(ok("{\"y\":3}"));

    PredictResult result = client.predict(PredictRequest.ofJson("{\"x\":3}"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).isEqualTo("{\"y\":3}");
    assertThat(result.timings().attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(ioThreads.get()).isPositive();
  }

  @Test
  void aStalledBlockingPredictEndsAtItsDeadline() {
    server.enqueue(ok("{\"late\":true}").newBuilder().headersDelay(1, TimeUnit.HOURS).build());

    PredictRequest request =
        PredictRequest.builder()
            .body(new byte[] {'{', '}'})
            .deadline(Duration.ofMillis(300))
            .build();

    assertThatThrownBy(() -> client.predict(request))
        .isInstanceOf(InferenceTimeoutException.class)
        .satisfies(
            e ->
                assertThat(((InferenceTimeoutException) e).phase())
                    .isEqualTo(InferenceTimeoutException.Phase.DEADLINE));
    assertThat(ioThreads.get()).isZero();
  }

  @Test
  void anInterruptedCallerGetsACancellation() {
    server.enqueue(ok("{\"y\":4}"));

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client.predict(PredictRequest.ofJson("{\"x\":4}")))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
