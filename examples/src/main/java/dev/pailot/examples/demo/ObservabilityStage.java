package dev.pailot.examples.demo;

import dev.pailot.observability.ObservabilityArtifacts;
import dev.pailot.observability.engine.Exposition;
import dev.pailot.observability.engine.HistogramSnapshot;
import dev.pailot.observability.engine.PrometheusText;
import dev.pailot.observability.prometheus.LifecycleMetrics;
import dev.pailot.observability.prometheus.MetricsEndpoint;
import dev.pailot.observability.prometheus.PailotMeterFilters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  private final PrintStream out;

  private ObservabilityStage(
      PrometheusMeterRegistry registry,
      MetricsEndpoint endpoint,
      List<Path> files,
      PrintStream out) {
    this.registry = registry;
    this.endpoint = endpoint;
    this.files = files;
    this.out = out;
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
    return new ObservabilityStage(registry, endpoint, files, out);
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

  /**
   * What a scrape of the demo's endpoint showed at the end of the run.
   *
   * @param scrapeUrl where Prometheus scrapes the demo
   * @param files the rule file, the {@code PrometheusRule} resource and the dashboard
   * @param series sample lines in the scrape
   * @param controlPlaneCalls control-plane calls recorded ({@code pai_control_plane_calls_seconds})
   * @param inferenceRequests requests recorded in {@code inference_request_duration_seconds}
   * @param inferenceP99Seconds their p99, computed from the buckets as PromQL would
   * @param spotPreemptions {@code pailot_spot_preemptions_total}
   * @param releaseRollbacks {@code pailot_release_rollbacks_total}
   * @param ragStageObservations observations in {@code rag_stage_duration_seconds}
   */
  public record Result(
      URI scrapeUrl,
      List<Path> files,
      int series,
      double controlPlaneCalls,
      double inferenceRequests,
      double inferenceP99Seconds,
      double spotPreemptions,
      double releaseRollbacks,
      double ragStageObservations) {}

  /**
   * Scrapes the endpoint over HTTP, as Prometheus would, and prints what the run recorded.
   *
   * @return the figures
   */
  public Result report() {
    Exposition scrape = PrometheusText.parse(scrapeOverHttp());
    Optional<HistogramSnapshot> latency =
        scrape.histogram("inference_request_duration_seconds", Map.of());
    Result r =
        new Result(
            endpoint.url(),
            files,
            scrape.samples().size(),
            scrape.sum("pai_control_plane_calls_seconds_count").orElse(0),
            latency.map(HistogramSnapshot::count).orElse(0.0),
            latency.filter(h -> h.count() > 0).map(h -> h.quantile(0.99)).orElse(0.0),
            scrape.sum("pailot_spot_preemptions_total").orElse(0),
            scrape.sum("pailot_release_rollbacks_total").orElse(0),
            scrape.sum("rag_stage_duration_seconds_count").orElse(0));
    out.println();
    out.println("== 5. Observability: " + r.scrapeUrl() + " (" + r.series() + " series)");
    out.printf(
        "  control-plane calls %.0f, inference requests %.0f (p99 %.3f s), spot preemptions %.0f,"
            + " release rollbacks %.0f, RAG stage observations %.0f%n",
        r.controlPlaneCalls(),
        r.inferenceRequests(),
        r.inferenceP99Seconds(),
        r.spotPreemptions(),
        r.releaseRollbacks(),
        r.ragStageObservations());
    return r;
  }

  private String scrapeOverHttp() {
    try {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(endpoint.url()).build(), BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException("scraping " + endpoint.url() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scraping " + endpoint.url(), e);
    }
  }

  /** Stops the endpoint. */
  @Override
  public void close() {
    endpoint.close();
  }
}
