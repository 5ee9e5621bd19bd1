package dev.pailot.serving.release.gates;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.release.internal.MeterWindow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a stage by the inference client's own Micrometer metrics over the bake window: error rate,
 * p99 latency of successful requests, and p99 time to first token, read from the {@code
 * inference.*} meters with one {@code service_name} (the group's name when the application calls
 * the group endpoint).
 *
 * <pre>{@code
 * ReleaseGate metrics = ClientMetricsGate.builder()
 *     .registry(registry)              // where the application's InferenceClient records
 *     .serviceName("chat")             // its service_name tag: the group endpoint
 *     .maxErrorRate(0.01)
 *     .maxP99(Duration.ofSeconds(1))
 *     .maxP99Ratio(1.5)                // and at most 1.5 x the pre-traffic (blue only) p99
 *     .build();
 * }</pre>
 *
 * <p>Limits are absolute ({@code maxErrorRate}, {@code maxP99}, {@code maxTtftP99}) or relative
 * ({@code maxP99Ratio}): against the same series in the pre-traffic window (blue only) or, with
 * {@link Builder#baselineServiceName}, against another series over the same window (blue's own
 * client). At the pre-traffic check it only records the baseline. A window with fewer than {@code
 * minRequests} requests, or whose quantiles cannot be measured, fails: no data is no evidence.
 * Quantiles need a registry whose histograms accumulate, such as Prometheus'.
 *
 * <p>The baseline lives in this instance: a release resumed by another process judges by the
 * absolute limits only (the report says so). Thread-safe for one release at a time.
 */
public final class ClientMetricsGate implements ReleaseGate {
  private final String name;
  private final MeterRegistry registry;
  private final String serviceName;
  private final Optional<String> baselineService;
  private final double maxErrorRate;
  private final Optional<Duration> maxP99;
  private final Optional<Duration> maxTtftP99;
  private final Optional<Double> maxP99Ratio;
  private final long minRequests;

  private volatile MeterWindow.Reading start;
  private volatile MeterWindow.Reading baselineStart;
  private volatile MeterWindow.Stats preTraffic;

  private ClientMetricsGate(Builder b) {
    this.name = b.name;
    this.registry = b.registry;
    this.serviceName = b.serviceName;
    this.baselineService = Optional.ofNullable(b.baselineServiceName);
    this.maxErrorRate = b.maxErrorRate;
    this.maxP99 = Optional.ofNullable(b.maxP99);
    this.maxTtftP99 = Optional.ofNullable(b.maxTtftP99);
    this.maxP99Ratio = Optional.ofNullable(b.maxP99Ratio);
    this.minRequests = b.minRequests;
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void stageStarted(GateContext context) {
    start = MeterWindow.read(registry, serviceName);
    baselineStart = baselineService.map(s -> MeterWindow.read(registry, s)).orElse(null);
  }

  @Override
  public GateResult evaluate(GateContext context) {
    MeterWindow.Reading from = start;
    if (from == null) {
      return GateResult.failed(name, "the stage's start was not recorded; stageStarted not called");
    }
    MeterWindow.Stats stats = MeterWindow.between(from, MeterWindow.read(registry, serviceName));
    if (context.stagePercent() == 0) {
      preTraffic = stats;
      return GateResult.of(name, informative(stats, "baseline_"));
    }
    List<Measurement> m = new ArrayList<>();
    m.add(Measurement.atLeast("requests", stats.requests(), "requests", minRequests));
    m.add(Measurement.atMost("error_rate", stats.errorRate(), "ratio", maxErrorRate));
    maxP99.ifPresent(max -> m.add(quantile("p99_seconds", stats.p99Seconds(), max, stats)));
    maxTtftP99.ifPresent(
        max -> m.add(quantile("ttft_p99_seconds", stats.ttftP99Seconds(), max, stats)));
    maxP99Ratio.ifPresent(ratio -> m.add(relative(ratio, stats)));
    return GateResult.of(name, m);
  }

  private Measurement relative(double ratio, MeterWindow.Stats stats) {
    Optional<MeterWindow.Stats> baseline = baseline();
    if (baseline.isEmpty() || baseline.get().p99Seconds().isEmpty()) {
      return Measurement.builder()
          .name("p99_ratio_to_baseline")
          .value(Double.NaN)
          .ok(true)
          .note("no baseline p99 (resumed release or no blue traffic); judged by absolute limits")
          .build();
    }
    double base = baseline.get().p99Seconds().get();
    double value = stats.p99Seconds().map(p -> p / base).orElse(Double.NaN);
    return Measurement.builder()
        .from(Measurement.atMost("p99_ratio_to_baseline", value, "ratio", ratio))
        .note(String.format(java.util.Locale.ROOT, "baseline p99 %.4f s", base))
        .build();
  }

  private Optional<MeterWindow.Stats> baseline() {
    if (baselineService.isPresent()) {
      MeterWindow.Reading from = baselineStart;
      return from == null
          ? Optional.empty()
          : Optional.of(
              MeterWindow.between(from, MeterWindow.read(registry, baselineService.get())));
    }
    return Optional.ofNullable(preTraffic);
  }

  private static Measurement quantile(
      String metric, Optional<Double> value, Duration max, MeterWindow.Stats stats) {
    double limit = max.toNanos() / 1e9;
    if (value.isEmpty()) {
      return Measurement.builder()
          .name(metric)
          .value(Double.NaN)
          .unit("seconds")
          .limit(limit)
          .ok(false)
          .note(stats.note())
          .build();
    }
    return Measurement.atMost(metric, value.get(), "seconds", limit);
  }

  private static List<Measurement> informative(MeterWindow.Stats s, String prefix) {
    List<Measurement> m = new ArrayList<>();
    m.add(Measurement.info(prefix + "requests", s.requests(), "requests"));
    m.add(Measurement.info(prefix + "error_rate", s.errorRate(), "ratio"));
    s.p99Seconds().ifPresent(p -> m.add(Measurement.info(prefix + "p99_seconds", p, "seconds")));
    s.ttftP99Seconds()
        .ifPresent(p -> m.add(Measurement.info(prefix + "ttft_p99_seconds", p, "seconds")));
    return m;
  }

  /** Builder for {@link ClientMetricsGate}. Not thread-safe. */
  public static final class Builder {
    private String name = "client-metrics";
    private MeterRegistry registry;
    private String serviceName;
    private String baselineServiceName;
    private double maxErrorRate = 0.01;
    private Duration maxP99;
    private Duration maxTtftP99;
    private Double maxP99Ratio;
    private long minRequests = 10;

    private Builder() {}

    /**
     * The gate's name in reports and metrics (default {@code client-metrics}).
     *
     * @param name name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The registry the application's inference client records to (required).
     *
     * @param registry registry
     * @return this builder
     */
    public Builder registry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The {@code service_name} tag of the series to judge (required): the group's name when the
     * client calls the group endpoint.
     *
     * @param serviceName tag value
     * @return this builder
     */
    public Builder serviceName(String serviceName) {
      this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
      return this;
    }

    /**
     * Compares with another series over the same window (e.g. a client on blue's own endpoint)
     * instead of the pre-traffic window.
     *
     * @param serviceName tag value of the baseline series
     * @return this builder
     */
    public Builder baselineServiceName(String serviceName) {
      this.baselineServiceName = Objects.requireNonNull(serviceName, "serviceName");
      return this;
    }

    /**
     * The largest acceptable share of failed requests (default 0.01).
     *
     * @param ratio 0 to 1
     * @return this builder
     */
    public Builder maxErrorRate(double ratio) {
      this.maxErrorRate = GateFields.unitRatio("maxErrorRate", ratio, "use e.g. 0.01 for 1%");
      return this;
    }

    /**
     * The largest acceptable p99 latency of successful requests.
     *
     * @param max positive duration
     * @return this builder
     */
    public Builder maxP99(Duration max) {
      this.maxP99 = GateFields.positive("maxP99", max, "1s");
      return this;
    }

    /**
     * The largest acceptable p99 time to first token (streamed requests).
     *
     * @param max positive duration
     * @return this builder
     */
    public Builder maxTtftP99(Duration max) {
      this.maxTtftP99 = GateFields.positive("maxTtftP99", max, "1s");
      return this;
    }

    /**
     * The largest acceptable p99 latency as a multiple of the baseline's.
     *
     * @param ratio at least 1
     * @return this builder
     */
    public Builder maxP99Ratio(double ratio) {
      if (!(ratio >= 1)) {
        throw ValidationException.invalidField(
            "maxP99Ratio", ratio + " is below 1", "use e.g. 1.5 for at most 50% slower");
      }
      this.maxP99Ratio = ratio;
      return this;
    }

    /**
     * The fewest requests a window needs to be judged (default 10).
     *
     * @param min at least 1
     * @return this builder
     */
    public Builder minRequests(long min) {
      this.minRequests = GateFields.atLeastOne("minRequests", min, "use at least 1");
      return this;
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     * @throws ValidationException if the registry or service name is missing
     */
    public ClientMetricsGate build() {
      GateFields.required(
          "registry", registry, "pass the MeterRegistry your InferenceClient records to");
      GateFields.required(
          "serviceName", serviceName, "pass the client's service_name tag, e.g. the group name");
      return new ClientMetricsGate(this);
    }
  }
}
