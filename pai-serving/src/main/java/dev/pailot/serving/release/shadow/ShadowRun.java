package dev.pailot.serving.release.shadow;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.release.GreenPolicy;
import dev.pailot.serving.release.ReleaseListener;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.Scorer;
import dev.pailot.serving.release.gates.Scorers;
import dev.pailot.serving.release.internal.EasReleaseOps;
import dev.pailot.serving.release.internal.ReleaseEvents;
import dev.pailot.serving.release.internal.ShadowController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * One shadow evaluation, configured fluently, then {@link #run()}. Defaults: 10% mirrored for 10
 * minutes, a probe pair every second, verdict PROMOTE when green's probe error rate is at most 1%,
 * its p99 at most 1.5 x blue's or 100 ms more than blue's, and the golden agreement at least 0.9; a
 * discarded green is stopped. Not thread-safe while configuring; {@link #run()} runs on the calling
 * thread.
 */
public final class ShadowRun {
  private final Pai pai;
  private final EasClient eas;
  private final String group;
  private final String blue;
  private final ServiceSpec spec;
  private int mirrorPercent = 10;
  private Duration window = Duration.ofMinutes(10);
  private Duration probeInterval = Duration.ofSeconds(1);
  private final List<ChatRequest> probes = new ArrayList<>();
  private final List<GoldenExample> golden = new ArrayList<>();
  private Scorer scorer = Scorers.exact();
  private int maxTokens = 64;
  private double maxErrorRate = 0.01;
  private double maxP99Ratio = 1.5;
  private Duration p99Tolerance = Duration.ofMillis(100);
  private double minAgreement = 0.9;
  private GreenPolicy onDiscard = GreenPolicy.STOP;
  private Duration deployTimeout = Duration.ofMinutes(30);
  private ReleaseListener listener = ReleaseListener.NONE;
  private DeployOptions deployOptions = DeployOptions.defaults();

  ShadowRun(Pai pai, EasClient eas, String group, String blue, ServiceSpec spec) {
    this.pai = pai;
    this.eas = eas;
    this.group = Objects.requireNonNull(group, "group");
    this.blue = Objects.requireNonNull(blue, "blue");
    this.spec = spec;
  }

  /**
   * The share of blue's requests mirrored to green (default 10).
   *
   * @param percent 1 to 100
   * @return this run
   */
  public ShadowRun mirrorPercent(int percent) {
    if (percent < 1 || percent > 100) {
      throw ValidationException.invalidField(
          "mirrorPercent", percent + " is outside 1..100", "use e.g. 10");
    }
    this.mirrorPercent = percent;
    return this;
  }

  /**
   * How long to mirror and probe (default 10 minutes).
   *
   * @param window positive duration
   * @return this run
   */
  public ShadowRun window(Duration window) {
    this.window = positive("window", window);
    return this;
  }

  /**
   * The pause between two probe pairs (default 1 second).
   *
   * @param interval positive duration
   * @return this run
   */
  public ShadowRun probeInterval(Duration interval) {
    this.probeInterval = positive("probeInterval", interval);
    return this;
  }

  /**
   * Adds a probe request, sent to both sides in turn with the others (default: the golden prompts
   * with 16-token answers, or a short greeting).
   *
   * @param request the request
   * @return this run
   */
  public ShadowRun probe(ChatRequest request) {
    probes.add(Objects.requireNonNull(request, "request"));
    return this;
  }

  /**
   * The golden set asked of both sides after the window.
   *
   * @param examples examples
   * @return this run
   */
  public ShadowRun golden(List<GoldenExample> examples) {
    golden.addAll(examples);
    return this;
  }

  /**
   * How golden answers are scored (default {@link Scorers#exact()}).
   *
   * @param scorer scorer
   * @return this run
   */
  public ShadowRun scorer(Scorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    return this;
  }

  /**
   * Green's largest acceptable probe error rate (default 0.01).
   *
   * @param ratio 0 to 1
   * @return this run
   */
  public ShadowRun maxErrorRate(double ratio) {
    this.maxErrorRate = ratio;
    return this;
  }

  /**
   * Green's largest acceptable p99 as a multiple of blue's (default 1.5).
   *
   * @param ratio at least 1
   * @return this run
   */
  public ShadowRun maxP99Ratio(double ratio) {
    this.maxP99Ratio = ratio;
    return this;
  }

  /**
   * How much slower than blue's p99 green's may be whatever the ratio (default 100 ms), so a few
   * milliseconds on a fast service do not discard green.
   *
   * @param tolerance zero or more
   * @return this run
   */
  public ShadowRun p99Tolerance(Duration tolerance) {
    if (tolerance == null || tolerance.isNegative()) {
      throw ValidationException.invalidField(
          "p99Tolerance", tolerance + " is negative", "use e.g. 100ms, or zero");
    }
    this.p99Tolerance = tolerance;
    return this;
  }

  /**
   * The smallest acceptable mean golden score (default 0.9).
   *
   * @param score 0 to 1
   * @return this run
   */
  public ShadowRun minAgreement(double score) {
    this.minAgreement = score;
    return this;
  }

  /**
   * What to do with green when the verdict is DISCARD (default STOP).
   *
   * @param policy policy
   * @return this run
   */
  public ShadowRun onDiscard(GreenPolicy policy) {
    this.onDiscard = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * How long green may take to run and answer (default 30 minutes).
   *
   * @param timeout positive duration
   * @return this run
   */
  public ShadowRun deployTimeout(Duration timeout) {
    this.deployTimeout = positive("deployTimeout", timeout);
    return this;
  }

  /**
   * The preflight profile and waived checks for green (default {@link DeployOptions#defaults()}).
   *
   * @param options deploy options (profile and waivers are used)
   * @return this run
   */
  public ShadowRun deployOptions(DeployOptions options) {
    this.deployOptions = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Receives the run's events ({@code DEPLOYING}, {@code DEPLOYED}, {@code MIRRORING}, {@code
   * SHADOW_JUDGED}).
   *
   * @param listener listener
   * @return this run
   */
  public ShadowRun listener(ReleaseListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Runs the evaluation on this thread. The mirror is removed however it ends.
   *
   * @return the comparison report
   * @throws ValidationException if green already takes group traffic or blue is missing
   * @throws CancellationException if interrupted (the interrupt flag is kept)
   */
  public ShadowReport run() {
    String green = spec.metadata().name();
    if (!(maxErrorRate >= 0
        && maxErrorRate <= 1
        && maxP99Ratio >= 1
        && minAgreement >= 0
        && minAgreement <= 1)) {
      throw ValidationException.invalidField(
          "limits",
          "maxErrorRate and minAgreement must be within 0..1 and maxP99Ratio at least 1",
          "use e.g. maxErrorRate(0.01), maxP99Ratio(1.5), minAgreement(0.9)");
    }
    List<ChatRequest> p = new ArrayList<>(probes);
    if (p.isEmpty()) {
      // Short answers: the probes measure latency under load, the golden set judges content.
      golden.forEach(g -> p.add(ChatRequest.builder().user(g.prompt()).maxTokens(16).build()));
    }
    if (p.isEmpty()) {
      p.add(ChatRequest.builder().user("Say hello.").maxTokens(8).temperature(0.0).build());
    }
    PaiRuntime runtime = PaiRuntime.of(pai);
    ShadowController controller =
        new ShadowController(
            new ShadowController.Settings(
                group,
                blue,
                green,
                mirrorPercent,
                window,
                probeInterval,
                p,
                List.copyOf(golden),
                scorer,
                maxTokens,
                new ShadowController.Limits(maxErrorRate, maxP99Ratio, p99Tolerance, minAgreement),
                onDiscard,
                deployTimeout),
            new EasReleaseOps(eas, runtime, group, green, Optional.of(spec), deployOptions),
            new ReleaseEvents(group, green, listener, runtime.listener()),
            e -> InferenceClient.builder().endpoint(e.url()).token(e.token()).build());
    try {
      return controller.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("shadow run of " + green + " interrupted; mirror removed");
    }
  }

  private static Duration positive(String field, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw ValidationException.invalidField(field, d + " is not positive", "use e.g. 1m");
    }
    return d;
  }
}
