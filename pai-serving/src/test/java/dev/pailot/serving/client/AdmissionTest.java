package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.AdmissionRejectedException.Reason;
import dev.pailot.serving.client.InferenceTimeoutException.Phase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fixed concurrency limit with its bounded priority queue: interactive before batch, deadlines
 * while queued, fast rejection. A "blocker" request holds the only slot until the test releases it,
 * so the order is decided by the queue alone.
 */
class AdmissionTest {
  private final List<String> arrivals = new CopyOnWriteArrayList<>();
  private final CountDownLatch blockerArrived = new CountDownLatch(1);
  private final CountDownLatch releaseBlocker = new CountDownLatch(1);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private MockWebServer server;
  private InferenceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String id = request.getHeaders().get("X-Request-Id");
            arrivals.add(id);
            if ("blocker".equals(id)) {
              blockerArrived.countDown();
              releaseBlocker.await();
            }
            return Sse.json(200, Sse.wholeAnswer(id)).build();
          }
        });
    server.start();
    client =
        InferenceClient.builder()
            .endpoint(server.url("/api/predict/adm").toString())
            .concurrencyLimit(1)
            .maxQueued(3)
            .meterRegistry(registry)
            .build();
  }

  @AfterEach
  void stop() {
    releaseBlocker.countDown();
    client.close();
    server.close();
  }

  private CompletableFuture<ChatResult> send(String id, PriorityClass cls, Duration deadline) {
    ChatRequest.Builder b = ChatRequest.builder().user("Hi").requestId(id).priorityClass(cls);
    if (deadline != null) {
      b.deadline(deadline);
    }
    return client.chatAsync(b.build());
  }

  private CompletableFuture<ChatResult> holdTheOnlySlot() {
    CompletableFuture<ChatResult> blocker = send("blocker", PriorityClass.BATCH, null);
    Await.latch(blockerArrived, "the blocker to reach the server");
    return blocker;
  }

  private double gauge(String name) {
    return registry.get(name).tag("service_name", "adm").gauge().value();
  }

  @Test
  void interactiveRequestQueuedAfterBatchOnesIsAdmittedFirst() {
    CompletableFuture<ChatResult> blocker = holdTheOnlySlot();
    CompletableFuture<ChatResult> batch1 = send("batch-1", PriorityClass.BATCH, null);
    CompletableFuture<ChatResult> batch2 = send("batch-2", PriorityClass.BATCH, null);
    CompletableFuture<ChatResult> interactive =
        send("interactive", PriorityClass.INTERACTIVE, null);
    assertThat(gauge("inference.requests.queued")).isEqualTo(3);
    assertThat(gauge("inference.requests.in.flight")).isEqualTo(1);
    assertThat(gauge("inference.concurrency.limit")).isEqualTo(1);

    releaseBlocker.countDown();

    CompletableFuture.allOf(blocker, batch1, batch2, interactive).join();
    assertThat(arrivals).containsExactly("blocker", "interactive", "batch-1", "batch-2");
    assertThat(Await.result(interactive).timings().queueWait()).isPositive();
    assertThat(gauge("inference.requests.in.flight")).isZero();
  }

  @Test
  void deadlinePassingWhileQueuedFailsFastAndNothingIsSent() {
    CompletableFuture<ChatResult> blocker = holdTheOnlySlot();

    CompletableFuture<ChatResult> late =
        send("late", PriorityClass.INTERACTIVE, Duration.ofMillis(50));
    Throwable failure = Await.failure(late);

    assertThat(failure).isInstanceOf(InferenceTimeoutException.class);
    InferenceTimeoutException e = (InferenceTimeoutException) failure;
    assertThat(e.phase()).isEqualTo(Phase.QUEUED);
    assertThat(e.limit()).isEqualTo(Duration.ofMillis(50));
    assertThat(e.getMessage()).contains("admission queue").contains("never sent");
    assertThat(gauge("inference.requests.queued")).isZero();
    releaseBlocker.countDown();
    Await.result(blocker);
    assertThat(arrivals).containsExactly("blocker");
    assertThat(
            registry.get("inference.requests.rejected").tag("reason", "deadline").counter().count())
        .isEqualTo(1);
  }

  @Test
  void fullQueueRejectsAtOnce() {
    holdTheOnlySlot();
    for (int i = 0; i < 3; i++) {
      send("queued-" + i, PriorityClass.BATCH, null);
    }

    CompletableFuture<ChatResult> refused = send("refused", PriorityClass.INTERACTIVE, null);

    assertThat(refused).isCompletedExceptionally();
    Throwable failure = Await.failure(refused);
    assertThat(failure).isInstanceOf(AdmissionRejectedException.class);
    assertThat(((AdmissionRejectedException) failure).reason()).isEqualTo(Reason.QUEUE_FULL);
    assertThat(((AdmissionRejectedException) failure).retryable()).isTrue();
    assertThat(failure.getMessage()).contains("1 in flight (the limit), 3 queued");
  }

  @Test
  void cancellingAQueuedRequestWithdrawsIt() {
    CompletableFuture<ChatResult> blocker = holdTheOnlySlot();
    CompletableFuture<ChatResult> withdrawn = send("withdrawn", PriorityClass.BATCH, null);
    CompletableFuture<ChatResult> kept = send("kept", PriorityClass.BATCH, null);

    withdrawn.cancel(false);

    assertThat(gauge("inference.requests.queued")).isEqualTo(1);
    releaseBlocker.countDown();
    Await.result(kept);
    Await.result(blocker);
    assertThat(arrivals).containsExactly("blocker", "kept");
  }

  @Test
  void closingTheClientFailsQueuedRequests() {
    holdTheOnlySlot();
    CompletableFuture<ChatResult> queued = send("queued", PriorityClass.BATCH, null);

    client.close();

    Throwable failure = Await.failure(queued);
    assertThat(failure).isInstanceOf(AdmissionRejectedException.class);
    assertThat(((AdmissionRejectedException) failure).reason()).isEqualTo(Reason.CLIENT_CLOSED);
    Throwable afterClose = Await.failure(send("after", PriorityClass.BATCH, null));
    assertThat(afterClose).isInstanceOf(AdmissionRejectedException.class);
  }
}
