package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Which thread calls a listener on {@link Transport#APACHE_ASYNC}: the client's executor unless
 * {@link InferenceClientBuilder#directListeners(boolean)}, then the reactor for the events but
 * still the executor for the stream's end; and a direct listener may cancel its stream.
 */
class DirectListenersTest {
  private static final String NIO = "pailot-inference-nio-";
  private static final String IO = "pailot-inference-io-";

  @StartStop private final MockWebServer server = new MockWebServer();

  private InferenceClient client(boolean direct) {
    return InferenceClient.builder()
        .endpoint(server.url("/v1").toString())
        .transport(Transport.APACHE_ASYNC)
        .directListeners(direct)
        .maxRequestsPerHost(1)
        .concurrencyLimit(1)
        .retry(RetryOptions.none())
        .build();
  }

  private static ChatRequest chat() {
    return ChatRequest.builder().model("qwen").user("Hi").build();
  }

  /**
   * The thread names of every callback, and of a dependent stage of the result registered before
   * the answer is let through.
   */
  private List<String> threadsOf(InferenceClient client) throws InterruptedException {
    HeldAnswers held = new HeldAnswers(() -> Sse.stream(Sse.answer()).build());
    server.setDispatcher(held);
    List<String> threads = new CopyOnWriteArrayList<>();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onDelta(Delta delta) {
            threads.add("delta " + Thread.currentThread().getName());
          }

          @Override
          public void onComplete(ChatResult result) {
            threads.add("complete " + Thread.currentThread().getName());
          }
        };
    CompletableFuture<String> stage =
        client.stream(chat(), listener).result().thenApply(r -> Thread.currentThread().getName());
    server.takeRequest();
    held.release();
    threads.add("stage " + Await.result(stage));
    return threads;
  }

  @Test
  void listenersRunOnTheExecutorByDefault() throws InterruptedException {
    try (InferenceClient client = client(false)) {
      List<String> threads = threadsOf(client);

      assertThat(threads).isNotEmpty().allMatch(t -> t.contains(IO), "on the executor");
    }
  }

  @Test
  void directListenersGetEventsOnTheReactorButTheEndOnTheExecutor() throws InterruptedException {
    try (InferenceClient client = client(true)) {
      List<String> threads = threadsOf(client);

      assertThat(threads.stream().filter(t -> t.startsWith("delta ")))
          .isNotEmpty()
          .allMatch(t -> t.contains(NIO), "on the reactor");
      assertThat(threads.stream().filter(t -> !t.startsWith("delta ")))
          .hasSize(2)
          .allMatch(t -> t.contains(IO), "on the executor");
    }
  }

  @Test
  void directListenerCancellingItsStreamFreesTheConnection() {
    server.enqueue(Sse.stream(Sse.answer()).build());
    server.enqueue(Sse.stream(Sse.answer()).build());
    try (InferenceClient client = client(true)) {
      CompletableFuture<StreamHandle> handle = new CompletableFuture<>();
      RecordingListener seen = new RecordingListener();
      handle.complete(
          client.stream(
              chat(),
              delta -> {
                seen.onDelta(delta);
                handle.join().cancel(); // from inside the reactor's read
              }));

      Throwable cancelled = Await.failure(handle.join().result());
      // The only connection came back: the next stream gets through.
      ChatResult next = Await.result(client.stream(chat(), new RecordingListener()).result());

      assertThat(cancelled).isInstanceOf(CancellationException.class);
      assertThat(seen.deltas).hasSize(1);
      assertThat(seen.threads).allMatch(t -> t.startsWith(NIO));
      assertThat(next.text()).isNotEmpty();
    }
  }
}
