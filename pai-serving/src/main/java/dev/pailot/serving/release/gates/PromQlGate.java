package dev.pailot.serving.release.gates;

import dev.pailot.core.error.ValidationException;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.observability.promql.QueryResult;
import dev.pailot.observability.promql.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a stage by a PromQL query against a Prometheus server, at the end of the bake. Two forms:
 *
 * <ul>
 *   <li>a threshold: the query's value must stay at or below {@code maxValue} (every series, or the
 *       one matching {@code match});
 *   <li>an alert rule: a query with a comparison ({@code ... > 1.0}) passes while it returns
 *       nothing, as a Prometheus alert that does not fire.
 * </ul>
 *
 * <p>{@code {window}} in the query is replaced with the range to look back over: the stage's bake
 * time in seconds (at least {@code minWindow}, default 1 minute: {@code rate()} needs two scrapes),
 * or a fixed {@link Builder#window}. The blueprint's p99 rule:
 *
 * <pre>{@code
 * ReleaseGate p99 = PromQlGate.builder()
 *     .client(prometheus)
 *     .alertRule("histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket"
 *         + "{service_name=\"chat\"}[{window}])) by (le, service_name)) > 1.0")
 *     .build();
 * }</pre>
 *
 * <p>A query that fails, or a threshold query without data, fails the stage: no data is no
 * evidence. The client belongs to the caller. Thread-safe.
 */
public final class PromQlGate implements ReleaseGate {
  private final String name;
  private final PromQlClient client;
  private final String query;
  private final boolean alertRule;
  private final Optional<Double> maxValue;
  private final Map<String, String> match;
  private final Optional<Duration> window;
  private final Duration minWindow;

  private PromQlGate(Builder b) {
    this.name = b.name;
    this.client = b.client;
    this.query = b.query;
    this.alertRule = b.alertRule;
    this.maxValue = Optional.ofNullable(b.maxValue);
    this.match = Map.copyOf(b.match);
    this.window = Optional.ofNullable(b.window);
    this.minWindow = b.minWindow;
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
  public boolean appliesAt(int stagePercent) {
    return stagePercent > 0;
  }

  /**
   * The query as sent for a stage: {@code {window}} replaced.
   *
   * @param context the stage
   * @return PromQL
   */
  public String queryFor(GateContext context) {
    Duration w = window.orElse(context.bake());
    if (w.compareTo(minWindow) < 0) {
      w = minWindow;
    }
    return query.replace("{window}", Math.max(1, w.toSeconds()) + "s");
  }

  @Override
  public GateResult evaluate(GateContext context) {
    String q = queryFor(context);
    QueryResult result = client.query(q);
    List<Measurement> m = new ArrayList<>();
    if (alertRule) {
      m.add(
          Measurement.builder()
              .from(Measurement.atMost("firing_series", result.series().size(), "series", 0))
              .note(firing(result))
              .build());
      return GateResult.of(name, m);
    }
    List<Series> series =
        result.series().stream()
            .filter(s -> s.labels().entrySet().containsAll(match.entrySet()))
            .toList();
    if (series.isEmpty() && result.scalar().isEmpty()) {
      return GateResult.failed(name, "no data for " + q + (match.isEmpty() ? "" : " " + match));
    }
    double max = maxValue.orElseThrow();
    result.scalar().ifPresent(p -> m.add(Measurement.atMost("value", p.value(), "", max)));
    for (Series s : series) {
      double v = s.lastValue().orElse(Double.NaN);
      m.add(
          Measurement.builder()
              .from(Measurement.atMost("value", v, "", max))
              .note(s.labels().toString())
              .build());
    }
    return GateResult.of(name, m);
  }

  private static String firing(QueryResult r) {
    if (r.series().isEmpty()) {
      return "";
    }
    Series first = r.series().get(0);
    double value = first.lastValue().orElse(Double.NaN);
    return "first: " + first.labels() + " = " + String.format(Locale.ROOT, "%.4g", value);
  }

  /** Builder for {@link PromQlGate}. Not thread-safe. */
  public static final class Builder {
    private String name = "promql";
    private PromQlClient client;
    private String query;
    private boolean alertRule;
    private Double maxValue;
    private Map<String, String> match = Map.of();
    private Duration window;
    private Duration minWindow = Duration.ofMinutes(1);

    private Builder() {}

    /**
     * The gate's name in reports and metrics (default {@code promql}).
     *
     * @param name name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The Prometheus client (required; the caller closes it).
     *
     * @param client client
     * @return this builder
     */
    public Builder client(PromQlClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * A threshold query: its value must stay at or below {@code max}.
     *
     * @param promql the query, may contain {@code {window}}
     * @param max the largest acceptable value
     * @return this builder
     */
    public Builder threshold(String promql, double max) {
      this.query = Objects.requireNonNull(promql, "promql");
      this.maxValue = max;
      this.alertRule = false;
      return this;
    }

    /**
     * An alert-rule query (with a comparison): passes while it returns no series.
     *
     * @param promql the query, may contain {@code {window}}
     * @return this builder
     */
    public Builder alertRule(String promql) {
      this.query = Objects.requireNonNull(promql, "promql");
      this.maxValue = null;
      this.alertRule = true;
      return this;
    }

    /**
     * Judges only the series with these labels (threshold queries).
     *
     * @param labels label values to match
     * @return this builder
     */
    public Builder match(Map<String, String> labels) {
      this.match = Map.copyOf(labels);
      return this;
    }

    /**
     * A fixed look-back range for {@code {window}} instead of the stage's bake time.
     *
     * @param window positive duration
     * @return this builder
     */
    public Builder window(Duration window) {
      this.window = GateFields.positive("window", window, "5m");
      return this;
    }

    /**
     * The shortest look-back range (default 1 minute).
     *
     * @param min positive duration
     * @return this builder
     */
    public Builder minWindow(Duration min) {
      this.minWindow = GateFields.positive("minWindow", min, "5m");
      return this;
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     * @throws ValidationException if the client or the query is missing
     */
    public PromQlGate build() {
      GateFields.required("client", client, "pass a PromQlClient for your Prometheus server");
      if (query == null || query.isBlank()) {
        throw ValidationException.invalidField(
            "query", "is not set", "call threshold(promql, max) or alertRule(promql)");
      }
      return new PromQlGate(this);
    }
  }
}
