package dev.pailot.serving.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.eas.TrafficState;
import dev.pailot.serving.release.gates.ClientMetricsGate;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.GoldenSetGate;
import dev.pailot.serving.release.gates.ReleaseGate;
import dev.pailot.serving.release.gates.Scorers;
import dev.pailot.serving.release.internal.ReleaseMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blue-green releases on LocalPai with application traffic running throughout: four callers send
 * chat requests through the group endpoint during every switch, and not one may fail.
 */
class BlueGreenLocalPaiTest {
  private static ReleaseTestLab lab;

  @BeforeAll
  static void start() {
    lab = new ReleaseTestLab();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static ClientMetricsGate metricsGate(
      PrometheusMeterRegistry registry, String group, Duration maxP99) {
    return ClientMetricsGate.builder()
        .registry(registry)
        .serviceName(group)
        .maxErrorRate(0.0)
        .maxP99(maxP99)
        .minRequests(20)
        .build();
  }

  @Test
  void aGoodGreenIsPromotedThroughEveryStageAndNoRequestFails() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("good_v1", "good", "chat-v1"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceSpec greenSpec = ReleaseTestLab.spec("good_v2", "good", "chat-v2");
    List<ReleaseEvent> events = new CopyOnWriteArrayList<>();
    Pai pai = lab.pai;
    EasClient eas = lab.eas;
    ReleaseReport report;
    try (InferenceClient app = lab.groupClient("good", registry);
        ClientLoad load = ClientLoad.start(app, 4)) {
      load.awaitMore(50);
      // tag::release[]
      ReleaseGate clientMetrics =
          ClientMetricsGate.builder()
              .registry(registry) // where the application's InferenceClient records
              .serviceName("good") // its service_name: the group endpoint
              .maxErrorRate(0.0)
              .maxP99(Duration.ofSeconds(1)) // the blueprint's p99 alert threshold
              .minRequests(20)
              .build();
      ReleaseGate golden =
          GoldenSetGate.builder()
              .example(GoldenExample.agreement("What is PAI-EAS?")) // green must answer as blue
              .example(GoldenExample.agreement("Name three colours."))
              .scorer(Scorers.tokenJaccard())
              .minScore(0.9)
              .build();
      try (BlueGreen releases = BlueGreen.create(pai, eas)) {
        report =
            releases
                .release("good", "good_v1", greenSpec)
                .stages(10, 50, 100)
                .bake(Duration.ofMillis(700))
                .drain(Duration.ofMillis(300))
                .gate(clientMetrics)
                .gate(golden)
                .listener(events::add)
                .run();
      }
      System.out.println(report.toText());
      // end::release[]
      load.awaitMore(50);
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
      assertThat(load.servedBy("chat-v2")).isPositive();
    }
    assertThat(report.outcome()).as(report.toText()).isEqualTo(ReleaseOutcome.PROMOTED);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 10, 50, 100);
    assertThat(report.stages()).allMatch(StageReport::passed);
    assertThat(report.stages().get(0).gates())
        .extracting(g -> g.gate())
        .containsExactly("warm-up", "client-metrics", "golden-set");
    assertThat(events).extracting(ReleaseEvent::type).contains(ReleaseEventType.PROMOTED);
    assertThat(lab.eas.describeService("good_v2").weight()).contains(100);
    assertThat(lab.eas.describeService("good_v1").trafficState()).contains(TrafficState.STANDALONE);
    assertThat(lab.eas.describeService("good_v2").labels())
        .containsEntry("pailot-release-blue", "good_v1");
    // Green was created with its labels in CreateService's Labels query parameter.
    assertThat(lab.localPai.requests().of(Product.EAS, "CreateService"))
        .filteredOn(r -> r.query().getOrDefault("Labels", "").contains("good_v1"))
        .singleElement()
        .satisfies(r -> assertThat(r.query().get("Labels")).contains("pailot-release-role"));
    assertThat(BlueGreen.create(pai, eas).inspect("good", "good_v1", "good_v2").phase())
        .isEqualTo(ReleasePhase.PROMOTED);
  }

  @Test
  void aSlowGreenIsRolledBackAtTheFirstStageAndNoRequestFails() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("slow_v1", "slow", "chat-v1"));
    lab.localPai.faults().easLatency("slow_v2", Duration.ofMillis(400));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReleaseReport report;
    try (InferenceClient app = lab.groupClient("slow", registry);
        ClientLoad load = ClientLoad.start(app, 4);
        Pai pai = lab.localPai.clientBuilder().meterRegistry(registry).build();
        EasClient eas = ReleaseTestLab.fastEas(pai);
        BlueGreen releases = BlueGreen.create(pai, eas)) {
      load.awaitMore(50);
      report =
          releases
              .release("slow", "slow_v1", ReleaseTestLab.spec("slow_v2", "slow", "chat-v2"))
              .bake(Duration.ofMillis(1500))
              .drain(Duration.ofMillis(600)) // longer than the injected latency
              .gate(metricsGate(registry, "slow", Duration.ofMillis(300))) // green adds 400 ms
              .run();
      load.awaitMore(50);
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
      assertThat(load.servedBy("chat-v2")).as("green served some traffic at 10%").isPositive();
    }
    System.out.println(report.toText());
    assertThat(report.outcome()).as(report.toText()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 10);
    assertThat(report.failedGate())
        .hasValueSatisfying(
            g -> {
              assertThat(g.gate()).isEqualTo("client-metrics");
              assertThat(g.measurements())
                  .anySatisfy(
                      m -> {
                        assertThat(m.name()).isEqualTo("p99_seconds");
                        assertThat(m.value()).isGreaterThan(0.3);
                        assertThat(m.ok()).isFalse();
                      });
            });
    assertThat(report.toText()).contains("[FAIL] client-metrics").contains("p99_seconds");
    assertThat(lab.eas.describeService("slow_v1").weight()).contains(100);
    assertThat(lab.eas.awaitStopped("slow_v2", Duration.ofSeconds(10)).status())
        .isEqualTo(ServiceStatus.STOPPED);
    assertThat(
            registry
                .get(ReleaseMetrics.ROLLBACKS)
                .tag("service", "slow_v2")
                .tag("gate", "client-metrics")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.scrape())
        .contains("pailot_release_rollbacks_total{gate=\"client-metrics\"");
  }

  @Test
  void anErroringGreenIsRolledBackBeforeItTakesAnyTraffic() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("err_v1", "err", "chat-v1"));
    lab.localPai.faults().easErrors("err_v2", 0.5);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReleaseReport report;
    try (InferenceClient app = lab.groupClient("err", registry);
        ClientLoad load = ClientLoad.start(app, 4);
        BlueGreen releases = BlueGreen.create(lab.pai, lab.eas)) {
      load.awaitMore(50);
      report =
          releases
              .release("err", "err_v1", ReleaseTestLab.spec("err_v2", "err", "chat-v2"))
              .warmup(20)
              .bake(Duration.ofMillis(300))
              .drain(Duration.ofMillis(300))
              .onRollback(GreenPolicy.DELETE)
              .gate(metricsGate(registry, "err", Duration.ofSeconds(1)))
              .run();
      load.awaitMore(50);
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
      assertThat(load.servedBy("chat-v2")).isZero();
    }
    assertThat(report.outcome()).as(report.toText()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0);
    assertThat(report.failedGate().orElseThrow().gate()).isEqualTo("warm-up");
    assertThat(report.message()).contains("pre-traffic check");
    assertThat(
            lab.eas.listServices(
                dev.pailot.serving.eas.ServiceFilter.builder().group("err").build()))
        .extracting(s -> s.name())
        .doesNotContain("err_v2");
  }

  @Test
  void aKilledControllerIsResumedByANewProcessAtTheStageInProgress() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("res_v1", "res", "chat-v1"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceSpec greenSpec = ReleaseTestLab.spec("res_v2", "res", "chat-v2");
    try (InferenceClient app = lab.groupClient("res", registry);
        ClientLoad load = ClientLoad.start(app, 4)) {
      load.awaitMore(50);
      AtomicReference<ReleaseReport> first = new AtomicReference<>();
      Thread controller =
          new Thread(
              () -> {
                try (BlueGreen releases = BlueGreen.create(lab.pai, lab.eas)) {
                  first.set(
                      releases
                          .release("res", "res_v1", greenSpec)
                          .bake(Duration.ofMillis(500))
                          .listener(
                              e -> {
                                if (e.type() == ReleaseEventType.STAGE_STARTED
                                    && e.stagePercent() == 50) {
                                  Thread.currentThread().interrupt(); // the kill
                                }
                              })
                          .run());
                }
              },
              "release-controller-1");
      controller.start();
      controller.join(20_000);
      assertThat(first.get().outcome()).isEqualTo(ReleaseOutcome.INTERRUPTED);
      assertThat(lab.eas.describeService("res_v2").weight()).contains(50);

      // A new process: its own Pai client, nothing shared with the first controller but EAS.
      ReleaseReport resumed;
      try (Pai other = lab.localPai.newClient();
          EasClient otherEas = ReleaseTestLab.fastEas(other);
          BlueGreen releases = BlueGreen.create(other, otherEas)) {
        // tag::resume[]
        ReleaseState found = releases.inspect("res", "res_v1", "res_v2"); // from EAS alone
        System.out.println(found.description()); // ... takes 50% of traffic ...
        resumed =
            releases
                .resume("res", "res_v1", "res_v2")
                .bake(Duration.ofMillis(800))
                .drain(Duration.ofMillis(200))
                .gate(metricsGate(registry, "res", Duration.ofSeconds(1)))
                .run();
        // end::resume[]
        assertThat(found.phase()).isEqualTo(ReleasePhase.SHIFTING);
        assertThat(found.stagePercent()).contains(50);
      }
      load.awaitMore(50);
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
      assertThat(resumed.outcome()).as(resumed.toText()).isEqualTo(ReleaseOutcome.PROMOTED);
      assertThat(resumed.resumedFrom().orElseThrow().phase()).isEqualTo(ReleasePhase.SHIFTING);
      assertThat(resumed.stages()).extracting(StageReport::percent).containsExactly(50, 100);
    }
  }
}
