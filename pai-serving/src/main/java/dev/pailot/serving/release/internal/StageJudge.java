package dev.pailot.serving.release.internal;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.StageReport;
import dev.pailot.serving.release.gates.GateContext;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.gates.ReleaseGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage: tells the gates it started, bakes (sleeps, interruptibly), and collects their
 * verdicts; a gate that throws fails with the exception's message. Also sends the warm-up. Not
 * thread-safe: one per release run.
 */
final class StageJudge {
  private static final Logger LOG = LoggerFactory.getLogger(StageJudge.class);

  private final List<ReleaseGate> gates;
  private final Duration bake;

  StageJudge(List<ReleaseGate> gates, Duration bake) {
    this.gates = List.copyOf(gates);
    this.bake = bake;
  }

  /**
   * Bakes one stage and judges it.
   *
   * @param context the stage (its window start is now)
   * @param extra verdicts to include first (the warm-up at stage 0)
   * @return the stage's report
   * @throws InterruptedException if interrupted during the bake
   */
  StageReport judge(GateContext context, List<GateResult> extra) throws InterruptedException {
    List<ReleaseGate> applying =
        gates.stream().filter(g -> g.appliesAt(context.stagePercent())).toList();
    List<GateResult> results = new ArrayList<>(extra);
    List<ReleaseGate> started = new ArrayList<>();
    for (ReleaseGate g : applying) {
      try {
        g.stageStarted(context);
        started.add(g);
      } catch (RuntimeException e) {
        results.add(thrown(g, e));
      }
    }
    Thread.sleep(bake.toMillis());
    for (ReleaseGate g : started) {
      try {
        results.add(g.evaluate(context));
      } catch (RuntimeException e) {
        results.add(thrown(g, e));
      }
    }
    return StageReport.builder()
        .percent(context.stagePercent())
        .startedAt(context.windowStart())
        .endedAt(Instant.now())
        .gates(results)
        .build();
  }

  private static GateResult thrown(ReleaseGate g, RuntimeException e) {
    LOG.debug("gate {} threw", g.name(), e);
    return GateResult.failed(
        g.name(), "the gate threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /**
   * Sends warm-up requests to green's own endpoint, one after another.
   *
   * @param green green's client
   * @param request the request, empty for a short default chat
   * @param count how many
   * @return the warm-up verdict
   */
  static GateResult warmup(InferenceClient green, Optional<ChatRequest> request, int count) {
    ChatRequest r =
        request.orElseGet(
            () -> ChatRequest.builder().user("Say hello.").maxTokens(8).temperature(0.0).build());
    int failed = 0;
    String firstError = "";
    for (int i = 0; i < count; i++) {
      try {
        green.chat(r);
      } catch (RuntimeException e) {
        if (failed++ == 0) {
          firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
      }
    }
    List<Measurement> m =
        List.of(
            Measurement.info("warmup_requests", count, "requests"),
            Measurement.builder()
                .from(Measurement.atMost("warmup_failed_requests", failed, "requests", 0))
                .note(firstError)
                .build());
    return GateResult.of("warm-up", m);
  }
}
