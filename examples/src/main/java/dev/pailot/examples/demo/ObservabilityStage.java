package dev.pailot.examples.demo;

import dev.pailot.observability.ObservabilityArtifacts;
import dev.pailot.observability.prometheus.LifecycleMetrics;
import dev.pailot.observability.prometheus.MetricsEndpoint;
import dev.pailot.observability.prometheus.PailotMeterFilters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo stage: Pailot's metrics on a Prometheus registry served at {@code /metrics}, with the alert
 * rules, the {@code PrometheusRule} resource and the Grafana dashboard written next to the demo's
 * output. Pass {@link #registry()} to {@code Pai.builder().meterRegistry(...)} and {@code
 * InferenceClient.builder().meterRegistry(...)}; {@link #lifecycle()} records rollbacks and spot
 * preemptions. Close it to stop the endpoint.
 */
public final class ObservabilityStage implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final MetricsEndpoint endpoint;
  private final List<Path> files;

  private ObservabilityStage(
      PrometheusMeterRegistry registry, MetricsEndpoint endpoint, List<Path> files) {
    this.registry = registry;
    this.endpoint = endpoint;
    this.files = files;
  }

  /**
   * Starts the endpoint on a free loopback port, writes the files and prints where they are.
   *
   * @param outputDir where the rules and the dashboard go (e.g. {@code target/demo/observability})
   * @param out where to print
   * @return the running stage
   */
  public static ObservabilityStage start(Path outputDir, PrintStream out) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(PailotMeterFilters.latencyHistograms());
    MetricsEndpoint endpoint =
        MetricsEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0));
    List<Path> files = ObservabilityArtifacts.writeTo(outputDir);
    out.println("Metrics: scrape " + endpoint.url() + " (Prometheus text format)");
    files.forEach(f -> out.println("  wrote " + f));
    return new ObservabilityStage(registry, endpoint, files);
  }

  /**
   * The registry every Pailot client of the demo records to.
   *
   * @return the registry
   */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Records rollbacks and spot preemptions on {@link #registry()}.
   *
   * @return the recorder
   */
  public LifecycleMetrics lifecycle() {
    return LifecycleMetrics.on(registry);
  }

  /**
   * Where Prometheus scrapes the demo.
   *
   * @return the {@code /metrics} URL
   */
  public URI scrapeUrl() {
    return endpoint.url();
  }

  /**
   * The rule file, the {@code PrometheusRule} resource and the dashboard.
   *
   * @return the files
   */
  public List<Path> files() {
    return files;
  }

  /** Stops the endpoint. */
  @Override
  public void close() {
    endpoint.close();
  }
}
