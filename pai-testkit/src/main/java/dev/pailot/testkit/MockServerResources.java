package dev.pailot.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pailot.core.Pai;
import dev.pailot.core.RetrySettings;
import java.net.URI;

/** What one {@link PaiMockServer} test class owns: the server, its stubs and a lazy client. */
final class MockServerResources implements AutoCloseable {
  private final WireMockServer server;
  private final PaiMockEndpoint endpoint;
  private final PaiStubs stubs;
  private Pai pai;

  private MockServerResources(WireMockServer server, PaiMockEndpoint endpoint) {
    this.server = server;
    this.endpoint = endpoint;
    this.stubs = new PaiStubs(server);
  }

  static MockServerResources start(PaiMockServer options) {
    WireMockServer server = new WireMockServer(PaiWireMock.options());
    server.start();
    RetrySettings retry =
        options.retry() ? PaiMockEndpoint.fastRetries(options.maxAttempts()) : RetrySettings.none();
    URI base = URI.create("http://127.0.0.1:" + server.port());
    return new MockServerResources(server, new PaiMockEndpoint(base, options.region(), retry));
  }

  WireMockServer server() {
    return server;
  }

  PaiMockEndpoint endpoint() {
    return endpoint;
  }

  PaiStubs stubs() {
    return stubs;
  }

  synchronized Pai pai() {
    if (pai == null) {
      pai = endpoint.paiBuilder().build();
    }
    return pai;
  }

  void reset() {
    server.resetAll();
  }

  @Override
  public synchronized void close() {
    try {
      if (pai != null) {
        pai.close();
      }
    } finally {
      server.stop();
    }
  }
}
