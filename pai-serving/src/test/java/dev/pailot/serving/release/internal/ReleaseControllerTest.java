package dev.pailot.serving.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.GreenPolicy;
import dev.pailot.serving.release.ReleaseEvent;
import dev.pailot.serving.release.ReleaseEventType;
import dev.pailot.serving.release.ReleaseOutcome;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleasePlan;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.ResumePolicy;
import dev.pailot.serving.release.StageReport;
import dev.pailot.serving.release.gates.GateContext;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.gates.ReleaseGate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The controller's decisions against an in-memory EAS: no network, no timing. */
class ReleaseControllerTest {
  private final FakeEas eas = new FakeEas("grp", "blue", "green");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<ReleaseEvent> events = new CopyOnWriteArrayList<>();

  /** Fails at one stage with a measured value; records the stages it saw. */
  private static final class LatencyGate implements ReleaseGate {
    final int failAt;
    final List<Integer> seen = new ArrayList<>();

    LatencyGate(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public String name() {
      return "latency";
    }

    @Override
    public GateResult evaluate(GateContext context) {
      seen.add(context.stagePercent());
      double p99 = context.stagePercent() == failAt ? 1.7 : 0.2;
      return GateResult.of(name(), List.of(Measurement.atMost("p99_seconds", p99, "seconds", 1.0)));
    }
  }

  private ReleasePlan.Builder plan() {
    return ReleasePlan.builder()
        .group("grp")
        .blue("blue")
        .green("green")
        .bake(Duration.ZERO)
        .drain(Duration.ZERO)
        .warmupRequests(0)
        .addGates("latency");
  }

  private final List<ProgressEvent> progress = new CopyOnWriteArrayList<>();

  private ReleaseReport run(ReleasePlan plan, ReleaseGate... gates) {
    PaiListener paiListener =
        new PaiListener() {
          @Override
          public void onProgress(ProgressEvent event) {
            progress.add(event);
          }
        };
    ReleaseController c =
        new ReleaseController(
            plan,
            List.of(gates),
            eas,
            new ReleaseEvents("grp", "green", events::add, paiListener),
            ReleaseMetrics.of(registry),
            e -> InferenceClient.builder().endpoint(e.url()).token(e.token()).build(),
            Optional.empty());
    return c.run();
  }

  private double rollbacks(String gate) {
    var counter =
        registry.find(ReleaseMetrics.ROLLBACKS).tag("service", "green").tag("gate", gate).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aGoodGreenIsPromotedThroughEveryStageWithGreenTakenOutOfTrafficBeforeItIsReady() {
    LatencyGate gate = new LatencyGate(-1);
    ReleaseReport report = run(plan().build(), gate);

    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.PROMOTED);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 10, 50, 100);
    assertThat(gate.seen).containsExactly(0, 10, 50, 100);
    assertThat(eas.calls)
        .containsExactly(
            "create green",
            "release green standalone 0",
            "await green",
            "release blue grouping 100",
            "release green grouping 10",
            "release blue grouping 90",
            "release green grouping 50",
            "release blue grouping 50",
            "release green grouping 100",
            "release blue grouping 0",
            "release blue standalone 0");
    assertThat(eas.services.get("green").labels()).isEqualTo(ReleaseLabels.green("grp", "blue"));
    assertThat(
            new ReleaseController(
                    plan().build(), List.of(), eas, null, null, null, Optional.empty())
                .state()
                .phase())
        .isEqualTo(ReleasePhase.PROMOTED);
    assertThat(registry.get(ReleaseMetrics.STAGE).gauge().value()).isEqualTo(100);
    assertThat(events)
        .extracting(ReleaseEvent::type)
        .startsWith(ReleaseEventType.STARTED, ReleaseEventType.DEPLOYING, ReleaseEventType.DEPLOYED)
        .endsWith(ReleaseEventType.PROMOTED);
    assertThat(progress).hasSameSizeAs(events);
    assertThat(progress.get(progress.size() - 1))
        .satisfies(
            p -> {
              assertThat(p.operation()).isEqualTo("eas.release");
              assertThat(p.resource()).isEqualTo("eas-release/grp/green");
              assertThat(p.phase()).isEqualTo("PROMOTED");
              assertThat(p.attributes()).containsEntry("stagePercent", "100");
            });
  }

  @Test
  void aPlanMustEndAt100WithIncreasingStagesAndTwoServices() {
    assertThatThrownBy(() -> plan().stages(List.of(10, 50)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not end at 100");
    assertThatThrownBy(() -> plan().stages(List.of(50, 10, 100)).build())
        .hasMessageContaining("not increasing");
    assertThatThrownBy(() -> plan().green("blue").build()).hasMessageContaining("same service");
    assertThatThrownBy(() -> plan().warmupRequests(-1).build())
        .hasMessageContaining("warmupRequests");
    assertThat(ReleasePlan.builder().group("g").blue("b").green("c").build().stages())
        .containsExactly(10, 50, 100);
  }

  @Test
  void aFailingGateReturnsTrafficToBlueFirstStopsGreenAndSaysWhatItMeasured() {
    ReleaseReport report = run(plan().build(), new LatencyGate(50));

    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 10, 50);
    assertThat(report.failedGate())
        .hasValueSatisfying(
            g -> {
              assertThat(g.gate()).isEqualTo("latency");
              assertThat(g.measurements().get(0).value()).isEqualTo(1.7);
              assertThat(g.measurements().get(0).limit()).contains(1.0);
            });
    assertThat(report.message()).contains("rolled back at 50%").contains("p99_seconds=1.700");
    assertThat(eas.calls.subList(eas.calls.size() - 3, eas.calls.size()))
        .containsExactly("release blue grouping 100", "release green standalone 0", "stop green");
    assertThat(rollbacks("latency")).isEqualTo(1);
    assertThat(registry.get(ReleaseMetrics.STAGE).gauge().value()).isZero();
    assertThat(report.toText()).contains("[FAIL] latency").contains("ROLLED_BACK");
    assertThat(ReleaseReport.fromJson(report.toJson())).isEqualTo(report);
  }

  @Test
  void aGreenThatFailsThePreTrafficCheckNeverTakesTraffic() {
    ReleaseReport report = run(plan().onRollback(GreenPolicy.DELETE).build(), new LatencyGate(0));
    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(eas.calls).noneMatch(c -> c.startsWith("release green grouping"));
    assertThat(eas.calls).endsWith("delete green");
    assertThat(report.message()).contains("pre-traffic check");
  }

  @Test
  void aResumedReleaseContinuesAtTheStageInProgressWithoutDeployingAgain() {
    releaseInProgress(50);
    LatencyGate gate = new LatencyGate(-1);
    ReleaseReport report = run(plan().build(), gate);

    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.PROMOTED);
    assertThat(report.resumedFrom())
        .hasValueSatisfying(
            s -> {
              assertThat(s.phase()).isEqualTo(ReleasePhase.SHIFTING);
              assertThat(s.stagePercent()).contains(50);
            });
    assertThat(gate.seen).containsExactly(50, 100);
    assertThat(eas.calls)
        .doesNotContain("create green")
        .startsWith("await green", "release green grouping 50", "release blue grouping 50");
    assertThat(events.get(0).attributes()).containsEntry("resumed", "true");
  }

  @Test
  void aResumedReleaseRollsBackWhenToldTo() {
    releaseInProgress(10);
    ReleaseReport report =
        run(plan().onResume(ResumePolicy.ROLL_BACK).build(), new LatencyGate(-1));
    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.failedGate().orElseThrow().gate()).isEqualTo("resume");
    assertThat(eas.calls)
        .containsExactly("release blue grouping 100", "release green standalone 0", "stop green");
    assertThat(rollbacks("resume")).isEqualTo(1);
  }

  @Test
  void anInterruptedControllerLeavesTheWeightsAsTheyAre() {
    ReleaseGate interrupting =
        gate(
            "latency",
            context -> {
              if (context.stagePercent() == 50) {
                Thread.currentThread().interrupt(); // the bake's sleep sees it
              }
            },
            context -> GateResult.of("latency", List.of()));
    ReleaseReport report = run(plan().build(), interrupting);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.INTERRUPTED);
    assertThat(eas.calls).last().isEqualTo("release blue grouping 50");
    assertThat(eas.calls).doesNotContain("stop green");
    ServiceSnapshot green = eas.services.get("green");
    assertThat(green.weight()).isEqualTo(50);
  }

  @Test
  void aGateThatThrowsFailsItsStage() {
    ReleaseGate broken =
        gate(
            "broken",
            context -> {},
            context -> {
              throw new IllegalStateException("prometheus unreachable");
            });
    ReleaseReport report = run(plan().build(), broken);
    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.failedGate().orElseThrow().message())
        .contains("IllegalStateException: prometheus unreachable");
  }

  /**
   * A release another controller left: blue and a labelled green in {@code grp}, green at weight
   * {@code greenWeight}.
   */
  private void releaseInProgress(int greenWeight) {
    eas.put(new ServiceSnapshot("blue", "Running", Optional.of("grp"), false, 90, 1, Map.of()));
    eas.put(
        new ServiceSnapshot(
            "green",
            "Running",
            Optional.of("grp"),
            false,
            greenWeight,
            1,
            ReleaseLabels.green("grp", "blue")));
  }

  /** A gate named {@code name} that runs {@code onStart} at each stage's start. */
  private static ReleaseGate gate(
      String name, Consumer<GateContext> onStart, Function<GateContext, GateResult> evaluate) {
    return new ReleaseGate() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void stageStarted(GateContext context) {
        onStart.accept(context);
      }

      @Override
      public GateResult evaluate(GateContext context) {
        return evaluate.apply(context);
      }
    };
  }
}
