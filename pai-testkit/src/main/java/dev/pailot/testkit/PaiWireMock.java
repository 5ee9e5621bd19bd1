package dev.pailot.testkit;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock settings for mocking PAI, for tests that manage their own {@link
 * com.github.tomakehurst.wiremock.WireMockServer} instead of using {@link PaiMockServer}:
 *
 * <pre>{@code
 * WireMockServer server = new WireMockServer(PaiWireMock.options());
 * server.start();
 * PaiStubs stubs = new PaiStubs(server);
 * }</pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class PaiWireMock {
  private PaiWireMock() {}

  /**
   * A free port on {@code 127.0.0.1}, WireMock's notifications through SLF4J (so {@link
   * SecretLeakGuard} sees them), and headers recorded exactly as sent (Jetty otherwise normalises
   * the case of common values such as {@code charset=utf-8}, which breaks signature checks on
   * recorded requests).
   *
   * @return a new, mutable configuration
   */
  public static WireMockConfiguration options() {
    return WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .notifier(new Slf4jNotifier(false))
        .httpServerFactory(new FaithfulHeadersServerFactory())
        .jettyAcceptors(1)
        .containerThreads(10);
  }
}
