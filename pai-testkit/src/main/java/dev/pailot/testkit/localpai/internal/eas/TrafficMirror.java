package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.eas.GatewayRouter.MirrorTarget;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mirror copies through LocalPai's own gateway with the JDK's asynchronous HTTP client, so a
 * copy is routed, authorised, metered and served exactly like a real request to the target, and the
 * primary request never waits for it. Answers are discarded. The client and its one daemon thread
 * are created on first use. Thread-safe; {@link #close()} stops the thread.
 */
final class TrafficMirror implements AutoCloseable {
  /** Marks a copy, so the target does not mirror it again (no loops between services). */
  static final String MIRRORED_HEADER = "x-localpai-mirrored";

  private static final Logger LOG = LoggerFactory.getLogger(TrafficMirror.class);

  private final Supplier<String> base;
  private ExecutorService executor;
  private HttpClient client;

  TrafficMirror(Supplier<String> base) {
    this.base = base;
  }

  /**
   * A request to copy.
   *
   * @param method HTTP method
   * @param rest path and query below the service name, e.g. {@code /v1/chat/completions?x=1}
   * @param contentType content type, or {@code null}
   * @param body body bytes
   */
  record Copy(String method, String rest, String contentType, byte[] body) {}

  /**
   * Sends a copy to every target without waiting.
   *
   * @param copy the request
   * @param targets target services and their tokens
   */
  void send(Copy copy, List<MirrorTarget> targets) {
    HttpClient c = client();
    for (MirrorTarget t : targets) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(
                  URI.create(base.get() + "/api/predict/" + t.service() + copy.rest()))
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", t.token())
              .header(MIRRORED_HEADER, "1")
              .method(
                  copy.method(),
                  copy.body().length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(copy.body()));
      if (copy.contentType() != null) {
        b.header("Content-Type", copy.contentType());
      }
      c.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                if (error != null) {
                  LOG.debug("mirror copy to {} failed: {}", t.service(), error.toString());
                }
              });
    }
  }

  private synchronized HttpClient client() {
    if (client == null) {
      executor =
          Executors.newSingleThreadExecutor(new DefaultThreadFactory("localpai-eas-mirror", true));
      client =
          HttpClient.newBuilder()
              .executor(executor)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
