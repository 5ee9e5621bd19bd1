package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both transports send through the JVM's default {@link ProxySelector}, as set when the client is
 * built (a corporate HTTP proxy): the request goes to the proxy in absolute form, the endpoint's
 * host is never dialled, and streamed and whole answers come back through it. MockWebServer plays
 * the proxy; the endpoint's host does not exist.
 */
class ProxyTest {
  private static final String HOST = "eas-through-proxy.invalid";

  @StartStop private final MockWebServer proxy = new MockWebServer();

  /** A client built while the JVM's default selector sends {@link #HOST} to the proxy. */
  private InferenceClient clientBehindProxy(Transport transport) {
    ProxySelector before = ProxySelector.getDefault();
    Proxy through = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.getPort()));
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            return List.of(HOST.equals(uri.getHost()) ? through : Proxy.NO_PROXY);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        });
    try {
      return InferenceClient.builder()
          .endpoint("http://" + HOST + "/api/predict/qwen")
          .token("proxied-token-1234")
          .transport(transport)
          .retry(RetryOptions.none())
          .build();
    } finally {
      ProxySelector.setDefault(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void streamsAndWholeAnswersGoThroughTheJvmsProxy(Transport transport)
      throws InterruptedException {
    proxy.enqueue(Sse.stream(Sse.answer()).build());
    proxy.enqueue(Sse.json(200, Sse.wholeAnswer("whole")).build());
    try (InferenceClient client = clientBehindProxy(transport)) {
      ChatRequest request = ChatRequest.builder().model("qwen").user("Hi").build();

      ChatResult streamed = Await.result(client.stream(request, new RecordingListener()).result());
      ChatResult whole = Await.result(client.chatAsync(request));

      RecordedRequest first = proxy.takeRequest(Await.GUARD_SECONDS, TimeUnit.SECONDS);
      RecordedRequest second = proxy.takeRequest(Await.GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(streamed.text()).isNotEmpty();
      assertThat(whole.text()).isEqualTo("whole");
      for (RecordedRequest r : List.of(first, second)) {
        assertThat(r.getTarget())
            .isEqualTo("http://" + HOST + "/api/predict/qwen/v1/chat/completions");
        assertThat(r.getHeaders().get("Host")).isEqualTo(HOST);
        assertThat(r.getHeaders().get("Authorization")).endsWith("proxied-token-1234");
      }
    }
  }
}
