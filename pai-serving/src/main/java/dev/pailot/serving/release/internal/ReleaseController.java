package dev.pailot.serving.release.internal;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.BluePolicy;
import dev.pailot.serving.release.ReleaseEventType;
import dev.pailot.serving.release.ReleaseOutcome;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleasePlan;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.ReleaseState;
import dev.pailot.serving.release.ResumePolicy;
import dev.pailot.serving.release.StageReport;
import dev.pailot.serving.release.gates.GateContext;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.gates.ReleaseGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one blue-green release from whatever state EAS shows: deploys green standalone, warms it,
 * runs the pre-traffic check and each stage (weights, bake, gates), then promotes, or rolls back at
 * the first failing gate. Keeps nothing that a successor would need: every decision starts from
 * {@link StateDerivation}. Not thread-safe: one run per instance, on the caller's thread.
 */
public final class ReleaseController {
  private final ReleasePlan plan;
  private final List<ReleaseGate> gates;
  private final ReleaseOps ops;
  private final ReleaseEvents events;
  private final ReleaseMetrics metrics;
  private final Function<ReleaseOps.Endpoint, InferenceClient> clients;
  private final Optional<ChatRequest> warmup;
  private final List<StageReport> stages = new ArrayList<>();
  private Instant startedAt;
  private Optional<ReleaseState> resumedFrom = Optional.empty();

  /**
   * Creates a controller.
   *
   * @param plan the plan
   * @param gates the gates, in order
   * @param ops EAS operations for this release
   * @param events event emitter
   * @param metrics release meters
   * @param clients builds a client for a service's own endpoint (closed by the controller)
   * @param warmup the warm-up request, empty for the default
   */
  public ReleaseController(
      ReleasePlan plan,
      List<ReleaseGate> gates,
      ReleaseOps ops,
      ReleaseEvents events,
      ReleaseMetrics metrics,
      Function<ReleaseOps.Endpoint, InferenceClient> clients,
      Optional<ChatRequest> warmup) {
    this.plan = plan;
    this.gates = List.copyOf(gates);
    this.ops = ops;
    this.events = events;
    this.metrics = metrics;
    this.clients = clients;
    this.warmup = warmup;
  }

  /**
   * The release's state in EAS now.
   *
   * @return state
   */
  public ReleaseState state() {
    ServiceSnapshot blue =
        ops.find(plan.blue())
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "blue",
                        "service " + plan.blue() + " does not exist",
                        "deploy blue into group " + plan.group() + " first"));
    return StateDerivation.derive(plan.group(), blue, ops.find(plan.green()), plan.stages());
  }

  /**
   * Runs the release to its end, or until interrupted.
   *
   * @return the report
   */
  public ReleaseReport run() {
    startedAt = Instant.now();
    ReleaseState state = state();
    boolean resumed = state.phase() != ReleasePhase.NOT_STARTED;
    if (resumed) {
      resumedFrom = Optional.of(state);
    }
    events.emit(
        ReleaseEventType.STARTED,
        state.greenSharePercent(),
        resumed ? "resuming: " + state.description() : "starting release of " + plan.green(),
        Map.of("resumed", Boolean.toString(resumed), "phase", state.phase().name()));
    try {
      return proceed(state);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      events.emit(
          ReleaseEventType.INTERRUPTED,
          -1,
          "interrupted; EAS keeps the current weights; run the release again to resume",
          Map.of());
      return report(ReleaseOutcome.INTERRUPTED, "interrupted; run again to resume", null);
    }
  }

  private ReleaseReport proceed(ReleaseState state) throws InterruptedException {
    switch (state.phase()) {
      case PROMOTED:
        return report(ReleaseOutcome.PROMOTED, "already promoted: " + state.description(), null);
      case ROLLED_BACK:
        return report(
            ReleaseOutcome.ROLLED_BACK, "already rolled back: " + state.description(), null);
      default:
        break;
    }
    if (resumedFrom.isPresent() && plan.onResume() == ResumePolicy.ROLL_BACK) {
      GateResult reason =
          GateResult.failed(
              "resume", "resumed with ResumePolicy.ROLL_BACK: " + state.description());
      return rollback(reason, state.greenSharePercent());
    }
    if (state.phase() == ReleasePhase.NOT_STARTED) {
      events.emit(
          ReleaseEventType.DEPLOYING, 0, "deploying " + plan.green() + " standalone", Map.of());
      ops.createGreen(ReleaseLabels.green(plan.group(), plan.blue()));
      // EAS puts a new group member into traffic by instance count: take it out before it is ready.
      ops.release(plan.green(), true, 0);
    }
    ops.awaitGreen(plan.deployTimeout());
    events.emit(ReleaseEventType.DEPLOYED, 0, plan.green() + " is running and answers", Map.of());
    try (InferenceClient green = clients.apply(ops.endpoint(plan.green()));
        InferenceClient blue = clients.apply(ops.endpoint(plan.blue()))) {
      return stages(state, green, blue);
    }
  }

  private ReleaseReport stages(ReleaseState state, InferenceClient green, InferenceClient blue)
      throws InterruptedException {
    StageJudge judge = new StageJudge(gates, plan.bake());
    int first = 0;
    if (state.phase() == ReleasePhase.SHIFTING) {
      first = plan.stages().indexOf(state.stagePercent().orElseThrow());
    } else {
      List<GateResult> extra = new ArrayList<>();
      if (plan.warmupRequests() > 0) {
        extra.add(StageJudge.warmup(green, warmup, plan.warmupRequests()));
        events.emit(
            ReleaseEventType.WARMED,
            0,
            "sent " + plan.warmupRequests() + " warm-up requests to " + plan.green(),
            Map.of());
      }
      if (!judged(judge.judge(context(0, green, blue), extra))) {
        return rollback(failed(), 0);
      }
    }
    if (first == 0) {
      // An unset weight would make EAS share by instance count once green joins: pin blue first.
      ops.release(plan.blue(), false, 100);
    }
    for (int i = first; i < plan.stages().size(); i++) {
      int percent = plan.stages().get(i);
      ops.release(plan.green(), false, percent);
      ops.release(plan.blue(), false, 100 - percent);
      metrics.stage(plan.group(), plan.green(), percent);
      events.emit(
          ReleaseEventType.STAGE_STARTED,
          percent,
          plan.green() + " takes " + percent + "% of traffic; baking " + plan.bake(),
          Map.of());
      if (!judged(judge.judge(context(percent, green, blue), List.of()))) {
        return rollback(failed(), percent);
      }
    }
    return promote();
  }

  private boolean judged(StageReport stage) {
    stages.add(stage);
    Optional<GateResult> failing = stage.gates().stream().filter(g -> !g.passed()).findFirst();
    events.emit(
        ReleaseEventType.STAGE_JUDGED,
        stage.percent(),
        failing.map(g -> "gate " + g.gate() + " failed: " + g.message()).orElse("all gates passed"),
        failing
            .map(g -> Map.of("passed", "false", "failedGate", g.gate()))
            .orElse(Map.of("passed", "true")));
    return stage.passed();
  }

  private GateResult failed() {
    return stages.get(stages.size() - 1).gates().stream()
        .filter(g -> !g.passed())
        .findFirst()
        .orElseThrow();
  }

  private GateContext context(int percent, InferenceClient green, InferenceClient blue) {
    return GateContext.builder()
        .group(plan.group())
        .blue(plan.blue())
        .green(plan.green())
        .stagePercent(percent)
        .windowStart(Instant.now())
        .bake(plan.bake())
        .greenClient(green)
        .blueClient(blue)
        .build();
  }

  private ReleaseReport rollback(GateResult reason, int percent) throws InterruptedException {
    events.emit(
        ReleaseEventType.ROLLING_BACK,
        percent,
        "returning traffic to " + plan.blue() + ": " + reason.gate() + " failed",
        Map.of("failedGate", reason.gate()));
    // Blue first: from here on a death of this process leaves blue with the larger share.
    ops.release(plan.blue(), false, 100);
    ops.release(plan.green(), true, 0);
    metrics.stage(plan.group(), plan.green(), 0);
    metrics.rollback(plan.green(), reason.gate());
    if (percent > 0) {
      Thread.sleep(plan.drain().toMillis());
    }
    switch (plan.onRollback()) {
      case STOP -> ops.stop(plan.green());
      case DELETE -> ops.delete(plan.green());
      case KEEP -> {}
    }
    String message =
        "rolled back at "
            + (percent == 0 ? "the pre-traffic check" : percent + "%")
            + ": gate "
            + reason.gate()
            + " failed ("
            + reason.message()
            + "); green "
            + plan.onRollback();
    events.emit(ReleaseEventType.ROLLED_BACK, 0, message, Map.of("failedGate", reason.gate()));
    return report(ReleaseOutcome.ROLLED_BACK, message, reason);
  }

  private ReleaseReport promote() throws InterruptedException {
    ops.release(plan.blue(), true, 0);
    Thread.sleep(plan.drain().toMillis());
    if (plan.afterPromotion() == BluePolicy.STOP) {
      ops.stop(plan.blue());
    } else if (plan.afterPromotion() == BluePolicy.DELETE) {
      ops.delete(plan.blue());
    }
    String message =
        plan.green()
            + " takes all traffic after "
            + plan.stages().size()
            + " stages; blue "
            + plan.afterPromotion();
    events.emit(ReleaseEventType.PROMOTED, 100, message, Map.of());
    return report(ReleaseOutcome.PROMOTED, message, null);
  }

  private ReleaseReport report(ReleaseOutcome outcome, String message, GateResult failedGate) {
    return ReleaseReport.builder()
        .plan(plan)
        .outcome(outcome)
        .message(message)
        .resumedFrom(resumedFrom)
        .startedAt(startedAt)
        .finishedAt(Instant.now())
        .stages(stages)
        .failedGate(Optional.ofNullable(failedGate))
        .build();
  }
}
