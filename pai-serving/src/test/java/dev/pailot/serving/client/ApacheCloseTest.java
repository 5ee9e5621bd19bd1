package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Closing a {@link Transport#APACHE_ASYNC} client while its reactor threads are busy with many
 * streams (direct listeners that work on the reactor thread) fails the streams and logs nothing at
 * WARN or above: closing the reactors at once closed their selectors from the closing thread while
 * a reactor thread walked its ready keys, and Apache logged a {@code
 * ConcurrentModificationException} at ERROR.
 */
class ApacheCloseTest {
  private static final int STREAMS = 32;
  private static final int ROUNDS = 8;

  private final ListAppender<ILoggingEvent> apacheLogs = new ListAppender<>();
  private final Logger apache = (Logger) LoggerFactory.getLogger("org.apache.hc");
  private final List<EndlessStream> served = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    apacheLogs.start();
    apache.addAppender(apacheLogs);
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            EndlessStream stream = new EndlessStream();
            served.add(stream);
            return stream.response();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    apache.detachAppender(apacheLogs);
    server.close();
  }

  /** About 0.2 ms of work on the reactor thread: allowed for a direct listener (it never waits). */
  private static void busy() {
    long until = System.nanoTime() + 200_000;
    while (System.nanoTime() - until < 0) {
      Thread.onSpinWait();
    }
  }

  @Test
  void closingUnderLoadFailsTheStreamsAndLogsNoError() {
    for (int round = 0; round < ROUNDS; round++) {
      List<StreamHandle> handles = new ArrayList<>();
      CountDownLatch flowing = new CountDownLatch(STREAMS);
      InferenceClient client =
          InferenceClient.builder()
              .endpoint(server.url("/v1").toString())
              .transport(Transport.APACHE_ASYNC)
              .directListeners(true)
              .retry(RetryOptions.none())
              .build();
      ChatRequest request = ChatRequest.builder().model("qwen").user("Hi").build();
      for (int i = 0; i < STREAMS; i++) {
        handles.add(
            client.stream(
                request,
                delta -> {
                  flowing.countDown();
                  busy(); // keeps the reactor threads inside their event loop
                }));
      }
      Await.latch(flowing, "deltas flowing");

      client.close();

      for (StreamHandle h : handles) {
        assertThat(Await.failure(h.result())).isNotNull();
      }
    }
    // Every stream the server began was closed by the client: none outlived its client.
    for (EndlessStream stream : served) {
      if (stream.firstEventWritten.getCount() == 0) {
        Await.latch(stream.clientClosed, "the client closing a stream it had begun");
      }
    }
    assertThat(apacheLogs.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getThrowableProxy())
        .isEmpty();
  }
}
