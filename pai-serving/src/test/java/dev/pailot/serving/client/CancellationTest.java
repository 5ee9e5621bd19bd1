package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way of cancelling closes the connection (the server sees it), and the Flow publisher never
 * delivers more than was requested.
 */
class CancellationTest {
  private MockWebServer server;
  private InferenceClient client;
  private EndlessStream endless;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    endless = new EndlessStream();
    server.enqueue(endless.response());
    client =
        InferenceClient.builder()
            .endpoint(server.url("/v1").toString())
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
    return ChatRequest.builder().user("Tell me everything").build();
  }

  @Test
  void cancellingTheHandleClosesTheConnection() {
    CountDownLatch firstDelta = new CountDownLatch(1);
    StreamHandle handle = client.stream(request(), d -> firstDelta.countDown());
    Await.latch(firstDelta, "first delta");

    handle.cancel();

    Await.latch(endless.clientClosed, "the server to see the connection closed");
    assertThat(handle.isDone()).isTrue();
    assertThat(Await.failure(handle.result())).isInstanceOf(CancellationException.class);
  }

  @Test
  void closingTheHandleWithTryWithResourcesClosesTheConnection() {
    CountDownLatch firstDelta = new CountDownLatch(1);
    try (StreamHandle handle = client.stream(request(), d -> firstDelta.countDown())) {
      Await.latch(firstDelta, "first delta");
      assertThat(handle.isDone()).isFalse();
    }
    Await.latch(endless.clientClosed, "the server to see the connection closed");
  }

  @Test
  void cancellingTheResultFutureClosesTheConnection() {
    CountDownLatch firstDelta = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener();
    StreamHandle handle =
        client.stream(
            request(),
            d -> {
              listener.onDelta(d);
              firstDelta.countDown();
            });
    Await.latch(firstDelta, "first delta");

    handle.result().cancel(true);

    Await.latch(endless.clientClosed, "the server to see the connection closed");
  }

  @Test
  void cancellingTheFlowSubscriptionClosesTheConnection() {
    AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    CountDownLatch firstItem = new CountDownLatch(1);
    DeltaPublisher publisher = client.publisher(request());
    publisher.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(Delta item) {
            firstItem.countDown();
          }

          @Override
          public void onError(Throwable throwable) {}

          @Override
          public void onComplete() {}
        });
    Await.latch(firstItem, "first item");

    subscription.get().cancel();

    Await.latch(endless.clientClosed, "the server to see the connection closed");
    assertThat(Await.failure(publisher.result())).isInstanceOf(CancellationException.class);
  }

  @Test
  void publisherNeverDeliversMoreThanRequested() throws InterruptedException {
    AtomicLong requested = new AtomicLong();
    AtomicLong delivered = new AtomicLong();
    AtomicReference<String> violation = new AtomicReference<>();
    LinkedBlockingQueue<Delta> items = new LinkedBlockingQueue<>();
    AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    client
        .publisher(request())
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
              }

              @Override
              public void onNext(Delta item) {
                if (delivered.incrementAndGet() > requested.get()) {
                  violation.set("delivered " + delivered.get() + " > requested " + requested);
                }
                items.add(item);
              }

              @Override
              public void onError(Throwable throwable) {}

              @Override
              public void onComplete() {}
            });

    assertThat(server.getRequestCount()).as("nothing is sent before the first request(n)").isZero();
    for (int i = 0; i < 5; i++) {
      requested.incrementAndGet();
      subscription.get().request(1);
      assertThat(items.poll(Await.GUARD_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }
    subscription.get().cancel();

    Await.latch(endless.clientClosed, "the server to see the connection closed");
    assertThat(violation.get()).isNull();
    assertThat(delivered.get()).isEqualTo(5);
  }

  @Test
  void secondSubscriberIsRefused() {
    DeltaPublisher publisher = client.publisher(request());
    publisher.subscribe(new CollectingSubscriber());
    CollectingSubscriber second = new CollectingSubscriber();

    publisher.subscribe(second);

    assertThat(second.error).isInstanceOf(IllegalStateException.class);
    publisher.result().cancel(false);
  }

  @Test
  void interruptingABlockingCallCancelsIt() throws InterruptedException {
    // A non-streamed call whose body never ends: the caller blocks until interrupted.
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                client.chat(request());
              } catch (RuntimeException e) {
                thrown.set(e);
              }
            });
    caller.start();
    Await.latch(endless.firstEventWritten, "the server to start answering");

    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(Await.GUARD_SECONDS));

    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    Await.latch(endless.clientClosed, "the server to see the connection closed");
  }

  /** Requests everything and records the terminal signal. */
  static final class CollectingSubscriber implements Flow.Subscriber<Delta> {
    volatile Throwable error;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Delta item) {}

    @Override
    public void onError(Throwable throwable) {
      error = throwable;
      done.complete(null);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
