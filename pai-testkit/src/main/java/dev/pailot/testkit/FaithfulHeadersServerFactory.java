package dev.pailot.testkit;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * WireMock's Jetty server with case-sensitive header values. By default Jetty answers common header
 * values from a case-insensitive cache, so a client's {@code Content-Type: application/json;
 * charset=utf-8} is recorded as {@code ...charset=UTF-8}; a V3 signature signs the exact value, so
 * a recorded request would no longer verify. Stateless.
 */
final class FaithfulHeadersServerFactory implements HttpServerFactory {
  @Override
  public String getName() {
    return "pailot-faithful-headers";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected ServerConnector createHttpConnector(
          String bindAddress, int port, JettySettings jetty, NetworkTrafficListener listener) {
        ServerConnector connector = super.createHttpConnector(bindAddress, port, jetty, listener);
        HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          http.getHttpConfiguration().setHeaderCacheCaseSensitive(true);
        }
        return connector;
      }
    };
  }
}
