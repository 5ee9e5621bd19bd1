package dev.pailot.observability.alerts;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.prometheus.MetricNames;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Thresholds and labels for Pailot's alert rules ({@link PailotAlerts#rules(AlertSpec)}). Every
 * field has the blueprint's default, so {@code AlertSpec.builder().build()} is a complete spec.
 *
 * <pre>{@code
 * AlertSpec spec = AlertSpec.builder()
 *     .latencyBudget(Duration.ofMillis(800))
 *     .putLabels("team", "llm-platform")
 *     .runbookBaseUrl("https://wiki.example.com/runbooks")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class AlertSpec {
  /**
   * The latency quantile alerted on; 0.99 by default.
   *
   * @return a quantile in (0, 1)
   */
  @Value.Default
  public double latencyQuantile() {
    return 0.99;
  }

  /**
   * The latency budget for {@link #latencyQuantile()}; 1 s by default (the blueprint's).
   *
   * @return the budget
   */
  @Value.Default
  public Duration latencyBudget() {
    return Duration.ofSeconds(1);
  }

  /**
   * The {@code rate()} window of the latency and error-rate rules; 5 m by default.
   *
   * @return the window
   */
  @Value.Default
  public Duration rateWindow() {
    return Duration.ofMinutes(5);
  }

  /**
   * The time-to-first-token target of the TTFT SLO; 500 ms by default. Must be a bucket bound of
   * {@value MetricNames#TIME_TO_FIRST_TOKEN} (see {@code PailotMeterFilters}).
   *
   * @return the target
   */
  @Value.Default
  public Duration ttftTarget() {
    return Duration.ofMillis(500);
  }

  /**
   * Share of requests that must meet {@link #ttftTarget()}; 0.99 by default.
   *
   * @return the objective in (0, 1)
   */
  @Value.Default
  public double ttftObjective() {
    return 0.99;
  }

  /**
   * Share of failed requests (outcome other than success or cancelled) that alerts; 5 % by default.
   *
   * @return the threshold in (0, 1]
   */
  @Value.Default
  public double errorRateThreshold() {
    return 0.05;
  }

  /**
   * GPU memory usage that alerts (scale out before out-of-memory); 0.95 by default.
   *
   * @return the threshold in (0, 1]
   */
  @Value.Default
  public double gpuMemoryThreshold() {
    return 0.95;
  }

  /**
   * PromQL for GPU memory usage as a fraction; NVIDIA DCGM exporter's framebuffer gauges by
   * default.
   *
   * @return the expression
   */
  @Value.Default
  public String gpuMemoryUsageExpr() {
    return MetricNames.DCGM_FB_USED
        + " / ("
        + MetricNames.DCGM_FB_USED
        + " + "
        + MetricNames.DCGM_FB_FREE
        + ")";
  }

  /**
   * KV-cache usage that alerts; 0.9 by default.
   *
   * @return the threshold in (0, 1]
   */
  @Value.Default
  public double kvCacheUsageThreshold() {
    return 0.9;
  }

  /**
   * Requests waiting in an engine that alert while the queue is still growing; 10 by default.
   *
   * @return the threshold
   */
  @Value.Default
  public double waitingRequestsThreshold() {
    return 10;
  }

  /**
   * Spot preemptions of one job within {@link #spotPreemptionWindow()} that alert; 3 by default.
   *
   * @return the threshold
   */
  @Value.Default
  public int spotPreemptionThreshold() {
    return 3;
  }

  /**
   * The window spot preemptions are counted over; 1 h by default.
   *
   * @return the window
   */
  @Value.Default
  public Duration spotPreemptionWindow() {
    return Duration.ofHours(1);
  }

  /**
   * How long a rollback keeps its alert firing; 15 m by default.
   *
   * @return the window
   */
  @Value.Default
  public Duration rollbackWindow() {
    return Duration.ofMinutes(15);
  }

  /**
   * How long a threshold must be crossed before its alert fires ({@code for}); 5 m by default.
   * Rollback and preemption alerts fire at once.
   *
   * @return the duration
   */
  @Value.Default
  public Duration pendingFor() {
    return Duration.ofMinutes(5);
  }

  /**
   * Labels added to every alert (e.g. {@code team}); {@code severity} is set per rule unless given
   * here.
   *
   * @return labels
   */
  public abstract Map<String, String> labels();

  /**
   * A base URL for runbook links; each alert gets {@code runbook_url: <base>/<AlertName>}.
   *
   * @return the base URL
   */
  public abstract Optional<String> runbookBaseUrl();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this spec.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    fraction("latencyQuantile", latencyQuantile(), false);
    fraction("ttftObjective", ttftObjective(), false);
    fraction("errorRateThreshold", errorRateThreshold(), true);
    fraction("gpuMemoryThreshold", gpuMemoryThreshold(), true);
    fraction("kvCacheUsageThreshold", kvCacheUsageThreshold(), true);
    positive("latencyBudget", latencyBudget());
    positive("rateWindow", rateWindow());
    positive("ttftTarget", ttftTarget());
    positive("spotPreemptionWindow", spotPreemptionWindow());
    positive("rollbackWindow", rollbackWindow());
    if (pendingFor().isNegative()) {
      throw ValidationException.invalidField("pendingFor", "is negative", "use zero or more");
    }
    if (spotPreemptionThreshold() < 1 || waitingRequestsThreshold() < 0) {
      throw ValidationException.invalidField(
          spotPreemptionThreshold() < 1 ? "spotPreemptionThreshold" : "waitingRequestsThreshold",
          "is below its minimum",
          "use at least 1 preemption and 0 waiting requests");
    }
  }

  private static void fraction(String field, double v, boolean oneAllowed) {
    if (!(v > 0 && (oneAllowed ? v <= 1 : v < 1))) {
      throw ValidationException.invalidField(
          field, v + " is outside (0, 1" + (oneAllowed ? "]" : ")"), "use a fraction such as 0.9");
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw ValidationException.invalidField(field, d + " is not positive", "use e.g. 5m");
    }
  }

  /** Builder for {@link AlertSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableAlertSpec.Builder {
    Builder() {}
  }
}
