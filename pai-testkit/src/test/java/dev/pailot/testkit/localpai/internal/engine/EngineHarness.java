package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.localpai.EngineProfile;
import dev.pailot.testkit.localpai.internal.backend.BackendContext;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.control.Authenticator;
import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.server.DataPlaneRoute;
import dev.pailot.testkit.localpai.internal.server.LocalPaiServer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Serves one engine replica over real HTTP on LocalPai's Netty server, mounted at {@code
 * /api/predict/<service>} as the EAS gateway will, until the gateway is merged. For tests and
 * benchmarks.
 */
final class EngineHarness implements AutoCloseable {
  static final Duration MINUTE = Duration.ofMillis(100);

  private final LocalPaiServer server;
  private final ServiceBackend backend;
  private final URI endpoint;
  private boolean closed;

  private EngineHarness(LocalPaiServer server, ServiceBackend backend, String path) {
    this.server = server;
    this.backend = backend;
    this.endpoint = URI.create("http://127.0.0.1:" + server.port() + path);
  }

  static EngineHarness start(JsonNode spec) {
    return start(spec, EngineProfile.defaults(), 2);
  }

  static EngineHarness start(JsonNode spec, EngineProfile defaults, int ioThreads) {
    Clock clock = Clock.systemUTC();
    Emulation emulation = new Emulation("cn-shanghai", "1000000000000001", clock, MINUTE);
    BackendContext context = new BackendContext("svc", 1, 0, spec, 42L, emulation);
    ServiceBackend backend =
        new EngineBackendFactory(defaults)
            .create(context)
            .orElseThrow(() -> new IllegalArgumentException("not an engine spec: " + spec));
    String path = "/api/predict/svc";
    ControlPlane none =
        new ControlPlane(
            List.of(),
            new Authenticator(List.of(PaiCredentials.accessKey("id", "secret")), clock, MINUTE),
            new FaultPlan(1, clock),
            r -> {},
            "cn-shanghai",
            clock);
    LocalPaiServer server =
        LocalPaiServer.start("127.0.0.1", 0, ioThreads, none, List.of(new Mount(path, backend)));
    return new EngineHarness(server, backend, path);
  }

  /** The service endpoint, e.g. {@code http://127.0.0.1:41234/api/predict/svc}. */
  URI endpoint() {
    return endpoint;
  }

  URI uri(String subPath) {
    return URI.create(endpoint + subPath);
  }

  int port() {
    return server.port();
  }

  EngineBackend backend() {
    return (EngineBackend) backend;
  }

  EngineStats stats() {
    return backend().stats();
  }

  /** Stops the engine and the server. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      backend.close();
      server.close();
    }
  }

  /** Routes everything under {@code prefix} to the backend. */
  private static final class Mount implements DataPlaneRoute {
    private final String prefix;
    private final ServiceBackend backend;

    Mount(String prefix, ServiceBackend backend) {
      this.prefix = prefix;
      this.backend = backend;
    }

    @Override
    public boolean matches(FullHttpRequest request) {
      return request.uri().startsWith(prefix);
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
      String sub = request.uri().substring(prefix.length());
      backend.handle(ctx, request, sub.isEmpty() ? "/" : sub);
    }
  }
}
