package dev.pailot.observability.prometheus;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Prometheus server started from a locally installed binary (Debian's {@code prometheus} package:
 * {@code apt-get install prometheus}) for tests, demos and laptops: it scrapes the given targets
 * every {@code scrapeInterval}, evaluates the given rule files, keeps its data in a temporary
 * directory and listens on {@code 127.0.0.1} on a free port.
 *
 * <pre>{@code
 * try (LocalPrometheus prometheus = LocalPrometheus.builder()
 *         .scrapeTarget(endpoint.url())
 *         .ruleFile(rulesYml)
 *         .start();
 *     PromQlClient promql = PromQlClient.builder().baseUrl(prometheus.url().toString()).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the process and deletes its directory. Not a production deployment: use
 * the Prometheus Operator or a managed Prometheus there.
 */
public final class LocalPrometheus implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final URI url;

  private LocalPrometheus(Process process, Path dir, URI url) {
    this.process = process;
    this.dir = dir;
    this.url = url;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Prometheus's base URL, e.g. {@code http://127.0.0.1:41234}.
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * The directory holding the configuration, rules, data and the server's log ({@code
   * prometheus.log}).
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the directory is under the system's temporary directory.
    }
  }

  /** Builder for {@link LocalPrometheus}. Not thread-safe. */
  public static final class Builder {
    private final List<URI> targets = new ArrayList<>();
    private final List<Path> ruleFiles = new ArrayList<>();
    private Duration scrapeInterval = Duration.ofSeconds(1);
    private Path binary = Path.of("/usr/bin/prometheus");
    private Duration startTimeout = Duration.ofSeconds(30);

    Builder() {}

    /**
     * Adds a scrape target: a {@code /metrics} URL such as {@link MetricsEndpoint#url()}.
     *
     * @param metricsUrl the URL (scheme, host, port and path are used)
     * @return this builder
     */
    public Builder scrapeTarget(URI metricsUrl) {
      targets.add(Objects.requireNonNull(metricsUrl, "metricsUrl"));
      return this;
    }

    /**
     * Adds a rule file (e.g. {@code RuleFile.toYaml()} written to disk); it is copied.
     *
     * @param file the file
     * @return this builder
     */
    public Builder ruleFile(Path file) {
      ruleFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Scrape and rule-evaluation interval; 1 s by default.
     *
     * @param interval at least 1 s
     * @return this builder
     */
    public Builder scrapeInterval(Duration interval) {
      this.scrapeInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * The {@code prometheus} binary; {@code /usr/bin/prometheus} by default.
     *
     * @param binary the path
     * @return this builder
     */
    public Builder binary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /**
     * How long to wait for {@code /-/ready}; 30 s by default.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Writes the configuration, starts the server and waits until it is ready.
     *
     * @return the running server
     * @throws ValidationException when the binary is missing or the interval is under 1 s
     * @throws PaiException when it does not become ready in time (the log's tail is in the message)
     */
    public LocalPrometheus start() {
      if (!Files.isExecutable(binary)) {
        throw ValidationException.invalidField(
            "binary",
            binary + " is not an executable",
            "install it: apt-get install -y prometheus");
      }
      if (scrapeInterval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw ValidationException.invalidField(
            "scrapeInterval", scrapeInterval + " is under 1s", "use 1s or more");
      }
      try {
        return launch();
      } catch (IOException e) {
        throw new PaiException("Could not start Prometheus: " + e.getMessage(), null, e);
      }
    }

    private LocalPrometheus launch() throws IOException {
      Path dir = Files.createTempDirectory("pailot-prometheus-");
      List<String> rules = new ArrayList<>();
      for (int i = 0; i < ruleFiles.size(); i++) {
        Path copy = dir.resolve("rules-" + i + ".yml");
        Files.copy(ruleFiles.get(i), copy);
        rules.add(copy.toString());
      }
      Files.writeString(
          dir.resolve("prometheus.yml"),
          PrometheusConfigFile.render(scrapeInterval, targets, rules));
      int port = freePort();
      URI url = URI.create("http://127.0.0.1:" + port);
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + dir.resolve("prometheus.yml"),
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      LocalPrometheus server = new LocalPrometheus(process, dir, url);
      long deadline = System.nanoTime() + startTimeout.toNanos();
      while (!ready(url)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          String log = Files.readString(dir.resolve("prometheus.log"), StandardCharsets.UTF_8);
          server.close();
          throw new PaiException(
              "Prometheus did not become ready at "
                  + url
                  + ". Its log ends: "
                  + log.substring(Math.max(0, log.length() - 800)));
        }
        sleep();
      }
      return server;
    }

    private static boolean ready(URI url) {
      try {
        HttpURLConnection c = (HttpURLConnection) url.resolve("/-/ready").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(500);
        try {
          return c.getResponseCode() == 200;
        } finally {
          c.disconnect();
        }
      } catch (IOException e) {
        return false;
      }
    }

    private static void sleep() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PaiException("Interrupted while waiting for Prometheus");
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        return s.getLocalPort();
      }
    }
  }
}
