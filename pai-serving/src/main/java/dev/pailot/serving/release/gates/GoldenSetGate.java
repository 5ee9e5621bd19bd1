package dev.pailot.serving.release.gates;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.release.internal.GoldenRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks green a golden set of prompts through its own endpoint, with greedy decoding, and scores
 * each answer with a {@link Scorer} against the expected answer, or against blue's answer to the
 * same prompt when none is given (agreement). Passes when the share of answers scoring at least
 * {@code minScore} reaches {@code minPassRate} and no request failed.
 *
 * <pre>{@code
 * ReleaseGate golden = GoldenSetGate.builder()
 *     .example(GoldenExample.of("Capital of France? One word.", "Paris"))
 *     .scorer(Scorers.contains())
 *     .minPassRate(1.0)
 *     .build();
 * }</pre>
 *
 * <p>By default it judges the pre-traffic check only (stage 0), before any user sees green; {@link
 * Builder#atStages} adds stages. Thread-safe: it keeps no state between calls.
 */
public final class GoldenSetGate implements ReleaseGate {
  private final String name;
  private final List<GoldenExample> examples;
  private final Scorer scorer;
  private final double minScore;
  private final double minPassRate;
  private final Set<Integer> stages;
  private final GoldenRun.Settings settings;

  private GoldenSetGate(Builder b) {
    this.name = b.name;
    this.examples = List.copyOf(b.examples);
    this.scorer = b.scorer;
    this.minScore = b.minScore;
    this.minPassRate = b.minPassRate;
    this.stages = Set.copyOf(b.stages);
    this.settings = new GoldenRun.Settings(Optional.ofNullable(b.model), b.maxTokens);
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
    return stages.contains(stagePercent);
  }

  @Override
  public GateResult evaluate(GateContext context) {
    List<GoldenRun.Outcome> outcomes =
        GoldenRun.run(examples, context.greenClient(), context.blueClient(), scorer, settings);
    long passed = outcomes.stream().filter(o -> o.score() >= minScore).count();
    long failedRequests = outcomes.stream().filter(o -> o.error().isPresent()).count();
    double mean = outcomes.stream().mapToDouble(GoldenRun.Outcome::score).average().orElse(0);
    List<Measurement> m = new ArrayList<>();
    m.add(
        Measurement.atLeast(
            "golden_pass_rate", passed / (double) outcomes.size(), "ratio", minPassRate));
    m.add(Measurement.info("golden_mean_score", mean, "score"));
    m.add(Measurement.atMost("golden_failed_requests", failedRequests, "requests", 0));
    outcomes.stream()
        .filter(o -> o.score() < minScore)
        .limit(3)
        .forEach(
            o ->
                m.add(
                    Measurement.builder()
                        .name("golden_miss")
                        .value(o.score())
                        .unit("score")
                        .ok(true)
                        .note(describe(o))
                        .build()));
    return GateResult.of(name, m);
  }

  private static String describe(GoldenRun.Outcome o) {
    return o.error()
        .map(e -> "prompt '" + clip(o.prompt()) + "' failed: " + clip(e))
        .orElseGet(
            () ->
                "prompt '"
                    + clip(o.prompt())
                    + "' expected '"
                    + clip(o.expected())
                    + "' got '"
                    + clip(o.actual())
                    + "'");
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Builder for {@link GoldenSetGate}. Not thread-safe. */
  public static final class Builder {
    private String name = "golden-set";
    private final List<GoldenExample> examples = new ArrayList<>();
    private Scorer scorer = Scorers.exact();
    private double minScore = 1.0;
    private double minPassRate = 1.0;
    private final Set<Integer> stages = new TreeSet<>(Set.of(0));
    private String model;
    private int maxTokens = 64;

    private Builder() {}

    /**
     * The gate's name in reports (default {@code golden-set}).
     *
     * @param name name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Adds one example.
     *
     * @param example example
     * @return this builder
     */
    public Builder example(GoldenExample example) {
      examples.add(Objects.requireNonNull(example, "example"));
      return this;
    }

    /**
     * Adds examples.
     *
     * @param examples examples
     * @return this builder
     */
    public Builder examples(List<GoldenExample> examples) {
      examples.forEach(this::example);
      return this;
    }

    /**
     * How answers are scored (default {@link Scorers#exact()}).
     *
     * @param scorer scorer
     * @return this builder
     */
    public Builder scorer(Scorer scorer) {
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /**
     * The score an answer needs to pass (default 1.0).
     *
     * @param minScore 0 to 1
     * @return this builder
     */
    public Builder minScore(double minScore) {
      this.minScore = GateFields.unitRatio("minScore", minScore, "use e.g. 0.9");
      return this;
    }

    /**
     * The share of answers that must pass (default 1.0).
     *
     * @param minPassRate 0 to 1
     * @return this builder
     */
    public Builder minPassRate(double minPassRate) {
      this.minPassRate = GateFields.unitRatio("minPassRate", minPassRate, "use e.g. 0.9");
      return this;
    }

    /**
     * Also judges these stages (0, the pre-traffic check, is always judged).
     *
     * @param percents stage percents
     * @return this builder
     */
    public Builder atStages(int... percents) {
      for (int p : percents) {
        stages.add(p);
      }
      return this;
    }

    /**
     * The model name to ask (default: the served model).
     *
     * @param model model name
     * @return this builder
     */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The answer length limit (default 64 tokens).
     *
     * @param maxTokens at least 1
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens =
          (int) GateFields.atLeastOne("maxTokens", maxTokens, "ask for at least one token");
      return this;
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     * @throws ValidationException if no example was added
     */
    public GoldenSetGate build() {
      if (examples.isEmpty()) {
        throw ValidationException.invalidField(
            "examples", "is empty", "add at least one GoldenExample");
      }
      return new GoldenSetGate(this);
    }
  }
}
