package dev.pailot.serving.release.internal;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.GreenPolicy;
import dev.pailot.serving.release.ReleaseEventType;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleaseState;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.gates.Scorer;
import dev.pailot.serving.release.shadow.GoldenComparison;
import dev.pailot.serving.release.shadow.ShadowReport;
import dev.pailot.serving.release.shadow.ShadowVerdict;
import dev.pailot.serving.release.shadow.SideStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs one shadow evaluation: green deployed standalone (or found so), blue's requests mirrored to
 * it, paired probes to both own endpoints for the window, the golden set on both, then the verdict;
 * the mirror is always removed. Not thread-safe: one run per instance.
 */
public final class ShadowController {
  /**
   * What to run.
   *
   * @param group group
   * @param blue blue service
   * @param green green service
   * @param mirrorPercent mirrored share of blue's requests
   * @param window evaluation window
   * @param probeInterval pause between probe pairs
   * @param probes requests sent to both sides, cycled
   * @param golden golden set
   * @param scorer golden scorer
   * @param maxTokens golden answer length limit
   * @param limits the checks' limits
   * @param onDiscard what to do with green on a discard verdict
   * @param deployTimeout how long green may take to deploy
   */
  public record Settings(
      String group,
      String blue,
      String green,
      int mirrorPercent,
      Duration window,
      Duration probeInterval,
      List<ChatRequest> probes,
      List<GoldenExample> golden,
      Scorer scorer,
      int maxTokens,
      Limits limits,
      GreenPolicy onDiscard,
      Duration deployTimeout) {}

  /**
   * Limits for the verdict.
   *
   * @param maxErrorRate green's largest acceptable probe error rate
   * @param maxP99Ratio green's largest acceptable p99 as a multiple of blue's
   * @param p99Tolerance how much slower than blue's p99 green's may be in any case
   * @param minAgreement the smallest acceptable mean golden score
   */
  public record Limits(
      double maxErrorRate, double maxP99Ratio, Duration p99Tolerance, double minAgreement) {}

  private final Settings s;
  private final ReleaseOps ops;
  private final ReleaseEvents events;
  private final Function<ReleaseOps.Endpoint, InferenceClient> clients;

  /**
   * Creates a controller.
   *
   * @param settings what to run
   * @param ops EAS operations
   * @param events event emitter
   * @param clients builds a client for a service's own endpoint (closed by the controller)
   */
  public ShadowController(
      Settings settings,
      ReleaseOps ops,
      ReleaseEvents events,
      Function<ReleaseOps.Endpoint, InferenceClient> clients) {
    this.s = settings;
    this.ops = ops;
    this.events = events;
    this.clients = clients;
  }

  /**
   * Runs the evaluation.
   *
   * @return the report
   * @throws InterruptedException if interrupted; the mirror is removed first
   */
  public ShadowReport run() throws InterruptedException {
    prepareGreen();
    Instant started = Instant.now();
    ops.mirror(s.blue(), s.mirrorPercent(), s.green());
    events.emit(
        ReleaseEventType.MIRRORING,
        0,
        s.mirrorPercent()
            + "% of "
            + s.blue()
            + "'s requests mirrored to "
            + s.green()
            + " for "
            + s.window(),
        Map.of("mirrorPercent", Integer.toString(s.mirrorPercent())));
    ProbeStats blueStats = new ProbeStats(s.blue());
    ProbeStats greenStats = new ProbeStats(s.green());
    List<GoldenRun.Outcome> golden;
    try (InferenceClient green = clients.apply(ops.endpoint(s.green()));
        InferenceClient blue = clients.apply(ops.endpoint(s.blue()))) {
      probe(blue, green, blueStats, greenStats);
      golden =
          GoldenRun.run(
              s.golden(),
              green,
              blue,
              s.scorer(),
              new GoldenRun.Settings(java.util.Optional.empty(), s.maxTokens()));
    } finally {
      ops.stopMirror(s.blue());
    }
    return judge(started, blueStats.stats(), greenStats.stats(), golden);
  }

  private void prepareGreen() {
    ServiceSnapshot blue =
        ops.find(s.blue())
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "blue", "service " + s.blue() + " does not exist", "deploy blue first"));
    ReleaseState state = StateDerivation.derive(s.group(), blue, ops.find(s.green()), List.of(100));
    if (state.phase() == ReleasePhase.NOT_STARTED) {
      events.emit(
          ReleaseEventType.DEPLOYING, 0, "deploying " + s.green() + " standalone", Map.of());
      ops.createGreen(ReleaseLabels.green(s.group(), s.blue()));
      ops.release(s.green(), true, 0);
    } else if (state.phase() != ReleasePhase.DEPLOYING
        && state.phase() != ReleasePhase.PRE_TRAFFIC) {
      throw ValidationException.invalidField(
          "green",
          state.description(),
          "shadow a green before its first stage: delete or rename it");
    }
    ops.awaitGreen(s.deployTimeout());
    events.emit(ReleaseEventType.DEPLOYED, 0, s.green() + " is running and answers", Map.of());
  }

  private void probe(InferenceClient blue, InferenceClient green, ProbeStats b, ProbeStats g)
      throws InterruptedException {
    long end = System.nanoTime() + s.window().toNanos();
    int i = 0;
    while (System.nanoTime() < end) {
      ChatRequest r = s.probes().get(i++ % s.probes().size());
      CompletableFuture<ChatResult> onBlue = blue.chatAsync(r);
      CompletableFuture<ChatResult> onGreen = green.chatAsync(r);
      record(onBlue, b);
      record(onGreen, g);
      Thread.sleep(s.probeInterval().toMillis());
    }
  }

  private static void record(CompletableFuture<ChatResult> f, ProbeStats into)
      throws InterruptedException {
    try {
      into.success(f.get().timings().endToEnd());
    } catch (java.util.concurrent.ExecutionException e) {
      into.failure();
    }
  }

  private ShadowReport judge(
      Instant started, SideStats blue, SideStats green, List<GoldenRun.Outcome> golden) {
    double agreement =
        golden.stream().mapToDouble(GoldenRun.Outcome::score).average().orElse(Double.NaN);
    Limits l = s.limits();
    List<Measurement> checks = new ArrayList<>();
    checks.add(
        Measurement.atMost("green_error_rate", green.errorRate(), "ratio", l.maxErrorRate()));
    // A ratio alone fails a green that is 20 ms slower than a 30 ms blue: allow a small absolute
    // slack too; a green slower by both is slower in a way users feel.
    double limit =
        Math.max(
            blue.p99Seconds() * l.maxP99Ratio(),
            blue.p99Seconds() + l.p99Tolerance().toNanos() / 1e9);
    checks.add(
        Measurement.builder()
            .from(Measurement.atMost("green_p99_seconds", green.p99Seconds(), "seconds", limit))
            .note(
                String.format(
                    java.util.Locale.ROOT,
                    "blue p99 %.1f ms; limit max(%.2f x blue, blue + %d ms); %d probes each",
                    blue.p99Seconds() * 1000,
                    l.maxP99Ratio(),
                    l.p99Tolerance().toMillis(),
                    green.requests()))
            .build());
    if (!golden.isEmpty()) {
      checks.add(Measurement.atLeast("golden_agreement", agreement, "score", l.minAgreement()));
    }
    ShadowVerdict verdict =
        checks.stream().allMatch(Measurement::ok) ? ShadowVerdict.PROMOTE : ShadowVerdict.DISCARD;
    String action = "KEPT";
    if (verdict == ShadowVerdict.DISCARD) {
      action = discard();
    }
    events.emit(
        ReleaseEventType.SHADOW_JUDGED,
        0,
        "shadow verdict " + verdict + "; green " + action,
        Map.of("verdict", verdict.name()));
    return ShadowReport.builder()
        .group(s.group())
        .blue(s.blue())
        .green(s.green())
        .mirrorPercent(s.mirrorPercent())
        .window(s.window())
        .startedAt(started)
        .finishedAt(Instant.now())
        .blueStats(blue)
        .greenStats(green)
        .agreement(golden.isEmpty() ? 1.0 : agreement)
        .golden(golden.stream().map(ShadowController::comparison).toList())
        .checks(checks)
        .verdict(verdict)
        .greenAction(action)
        .build();
  }

  private String discard() {
    switch (s.onDiscard()) {
      case STOP:
        ops.stop(s.green());
        return "STOPPED";
      case DELETE:
        ops.delete(s.green());
        return "DELETED";
      default:
        return "KEPT";
    }
  }

  private static GoldenComparison comparison(GoldenRun.Outcome o) {
    return GoldenComparison.builder()
        .prompt(o.prompt())
        .expected(o.expected())
        .green(o.actual())
        .score(o.score())
        .error(o.error())
        .build();
  }
}
