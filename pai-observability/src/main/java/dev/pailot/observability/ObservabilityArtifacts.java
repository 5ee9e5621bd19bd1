package dev.pailot.observability;

import dev.pailot.core.error.PaiException;
import dev.pailot.observability.alerts.AlertSpec;
import dev.pailot.observability.alerts.PailotAlerts;
import dev.pailot.observability.alerts.RuleFile;
import dev.pailot.observability.grafana.PailotDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes Pailot's observability files into a directory: the Prometheus rule file ({@value #RULES}),
 * the same rules as a Kubernetes {@code PrometheusRule} ({@value #PROMETHEUS_RULE}) and the Grafana
 * dashboard ({@value #DASHBOARD}).
 *
 * <pre>{@code
 * List<Path> files = ObservabilityArtifacts.writeTo(Path.of("target/observability"));
 * }</pre>
 *
 * <p>Stateless and thread-safe; files are replaced.
 */
public final class ObservabilityArtifacts {
  /** The Prometheus rule file's name. */
  public static final String RULES = "pailot-rules.yml";

  /** The {@code PrometheusRule} resource's file name. */
  public static final String PROMETHEUS_RULE = "pailot-prometheusrule.yaml";

  /** The Grafana dashboard's file name. */
  public static final String DASHBOARD = "pailot-dashboard.json";

  private ObservabilityArtifacts() {}

  /**
   * Writes the files for the default {@link AlertSpec}.
   *
   * @param dir the directory, created if missing
   * @return the files written
   * @throws PaiException when a file cannot be written
   */
  public static List<Path> writeTo(Path dir) {
    return writeTo(dir, AlertSpec.builder().build());
  }

  /**
   * Writes the files for an alert spec.
   *
   * @param dir the directory, created if missing
   * @param spec thresholds and labels of the rules
   * @return the files written
   * @throws PaiException when a file cannot be written
   */
  public static List<Path> writeTo(Path dir, AlertSpec spec) {
    RuleFile rules = PailotAlerts.rules(spec);
    try {
      Files.createDirectories(dir);
      return List.of(
          Files.writeString(dir.resolve(RULES), rules.toYaml()),
          Files.writeString(
              dir.resolve(PROMETHEUS_RULE),
              rules.toPrometheusRule("pailot", "monitoring", Map.of("release", "prometheus"))),
          Files.writeString(dir.resolve(DASHBOARD), PailotDashboard.json("Pailot")));
    } catch (IOException e) {
      throw new PaiException(
          "Could not write observability files to " + dir + ": " + e.getMessage(), null, e);
    }
  }
}
