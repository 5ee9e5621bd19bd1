package dev.pailot.serving.client;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A server-side SSE body that keeps writing one token every few milliseconds until the client
 * closes the connection, which it records: the server's own view of a cancellation.
 */
final class EndlessStream implements MockResponseBody {
  private static final int MAX_EVENTS = 100_000;

  final CountDownLatch firstEventWritten = new CountDownLatch(1);
  final CountDownLatch clientClosed = new CountDownLatch(1);
  final AtomicInteger written = new AtomicInteger();

  /**
   * The response, delimited by the connection's end: MockWebServer would otherwise announce the
   * unknown length as {@code Content-Length: -1}, which strict HTTP clients refuse.
   */
  MockResponse response() {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream")
        .body(this)
        .removeHeader("Content-Length")
        .build();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      for (int i = 0; i < MAX_EVENTS; i++) {
        sink.writeUtf8(Sse.chunk(" w" + i));
        sink.flush();
        written.incrementAndGet();
        firstEventWritten.countDown();
        Thread.sleep(5);
      }
    } catch (IOException e) {
      clientClosed.countDown();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
