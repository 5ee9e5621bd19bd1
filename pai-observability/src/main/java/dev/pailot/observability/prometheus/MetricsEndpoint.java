package dev.pailot.observability.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pailot.core.error.PaiException;
import dev.pailot.observability.engine.PrometheusText;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small scrape endpoint: {@code GET /metrics} answers the registry's Prometheus text. For
 * processes that have no HTTP server of their own (a batch job, the lifecycle demo); a web service
 * should rather expose the registry through its framework (Spring Boot Actuator's {@code
 * /actuator/prometheus}, Quarkus, Micronaut).
 *
 * <pre>{@code
 * try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 9464)) {
 *   System.out.println("scrape " + endpoint.url());
 * }
 * }</pre>
 *
 * <p>Runs on the JDK's built-in HTTP server with one daemon thread ({@code pailot-metrics-N}). That
 * server delays small answers by ~40 ms (Nagle plus delayed ACK) unless {@code
 * sun.net.httpserver.nodelay} is true; the first {@code MetricsEndpoint} sets that property when it
 * is unset, which takes effect if no JDK HTTP server ran in the JVM before (otherwise pass {@code
 * -Dsun.net.httpserver.nodelay=true}). For a scrape every few seconds the delay is harmless either
 * way. Thread-safe; {@link #close()} stops the server.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final byte[] NOT_FOUND =
      "not found; scrape /metrics\n".getBytes(StandardCharsets.UTF_8);

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;

  private MetricsEndpoint(PrometheusMeterRegistry registry, InetSocketAddress address)
      throws IOException {
    this.registry = registry;
    this.server = HttpServer.create(address, 16);
    String name = "pailot-metrics-" + THREADS.incrementAndGet();
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts an endpoint on all interfaces.
   *
   * @param registry the registry to expose
   * @param port the port; 0 picks a free one
   * @return the running endpoint
   * @throws PaiException when the port cannot be bound
   */
  public static MetricsEndpoint start(PrometheusMeterRegistry registry, int port) {
    return start(registry, new InetSocketAddress(port));
  }

  /**
   * Starts an endpoint on an address (e.g. {@code 127.0.0.1:0} for tests).
   *
   * @param registry the registry to expose
   * @param address where to listen
   * @return the running endpoint
   * @throws PaiException when the address cannot be bound
   */
  public static MetricsEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address) {
    try {
      return new MetricsEndpoint(registry, address);
    } catch (IOException e) {
      throw new PaiException(
          "Could not start the metrics endpoint on "
              + address
              + ": "
              + e.getMessage()
              + ". Pick another port, or 0 for a free one.",
          null,
          e);
    }
  }

  /**
   * The port it listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The scrape URL on the loopback interface, e.g. {@code http://127.0.0.1:9464/metrics}.
   *
   * @return the URL
   */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/metrics");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/metrics") && !path.equals("/")) {
        exchange.sendResponseHeaders(404, NOT_FOUND.length);
        exchange.getResponseBody().write(NOT_FOUND);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Stops the server at once and its thread. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
