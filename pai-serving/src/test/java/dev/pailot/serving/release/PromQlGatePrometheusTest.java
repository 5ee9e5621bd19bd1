package dev.pailot.serving.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.observability.prometheus.LocalPrometheus;
import dev.pailot.observability.prometheus.MetricsEndpoint;
import dev.pailot.observability.prometheus.PailotMeterFilters;
import dev.pailot.observability.promql.PromQlClient;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.gates.PromQlGate;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PromQL gate decides a release from a real Prometheus (Debian's {@code /usr/bin/prometheus},
 * started by {@link LocalPrometheus}), not from WireMock: the application's {@link InferenceClient}
 * sends load through the group endpoint of a LocalPai service group and records to a {@link
 * PrometheusMeterRegistry} with Pailot's latency histograms; a {@link MetricsEndpoint} exposes it;
 * Prometheus scrapes it every second; the release's only gate is the blueprint's p99 alert.
 *
 * <p>How green becomes visible: as for {@code ClientMetricsGate}, the application calls the group
 * endpoint and cannot tell which member answered, so its series is {@code service_name=<group>} and
 * the rule is scoped to it. At a stage blue is unchanged, so what moves the group's p99 is green's
 * share: at 10%, a green answering in 1.2 s puts a tenth of the requests above 1 s and the p99 in
 * the (1 s, 2.5 s] bucket; a healthy green keeps it at tens of milliseconds. The 0.75 s threshold
 * sits between the two with room for a loaded machine. The rule's window is the bake (5 s: five
 * scrapes, all after the stage's weights were set).
 */
class PromQlGatePrometheusTest {
  private static final Duration BAKE = Duration.ofSeconds(5);

  private static ReleaseTestLab lab;
  private static PrometheusMeterRegistry registry;
  private static MetricsEndpoint endpoint;
  private static LocalPrometheus prometheusServer;
  private static PromQlClient prometheus;

  @BeforeAll
  static void start() {
    lab = new ReleaseTestLab();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(PailotMeterFilters.latencyHistograms()); // before any client
    endpoint = MetricsEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0));
    prometheusServer =
        LocalPrometheus.builder()
            .scrapeTarget(endpoint.url())
            .scrapeInterval(Duration.ofSeconds(1))
            .start();
    prometheus = PromQlClient.builder().baseUrl(prometheusServer.url().toString()).build();
  }

  @AfterAll
  static void stop() {
    prometheus.close();
    prometheusServer.close();
    endpoint.close();
    lab.close();
  }

  /** The blueprint's p99 alert, scoped to the group's series, as the release's only gate. */
  private static PromQlGate p99Gate(String group) {
    // tag::gate[]
    PromQlGate gate =
        PromQlGate.builder()
            .client(prometheus) // PromQlClient on the Prometheus that scrapes the application
            .alertRule(
                "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket"
                    + "{service_name=\""
                    + group // the application's client calls the group endpoint
                    + "\"}[{window}])) by (le, service_name)) > 0.75")
            .minWindow(Duration.ofSeconds(2)) // {window} = the bake: 5 s, five 1 s scrapes
            .build();
    // end::gate[]
    return gate;
  }

  @Test
  void aSlowGreenFailsThePromQlGateAtTenPercentAndIsRolledBack() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("pqslow_v1", "pqslow", "chat-v1"));
    // Green's first version answers 1.2 s late; blue's answers are untouched.
    lab.localPai.faults().easLatency("pqslow_v2", 1, Duration.ofMillis(1200));
    ReleaseReport report;
    try (InferenceClient app = lab.groupClient("pqslow", registry);
        ClientLoad load = ClientLoad.start(app, 6);
        BlueGreen releases = BlueGreen.create(lab.pai, lab.eas)) {
      load.awaitMore(50);
      report =
          releases
              .release("pqslow", "pqslow_v1", ReleaseTestLab.spec("pqslow_v2", "pqslow", "chat-v2"))
              .stages(10, 50, 100)
              .warmup(1)
              .bake(BAKE)
              .drain(Duration.ofMillis(1500)) // longer than green's answers
              .gate(p99Gate("pqslow"))
              .run();
      load.awaitMore(20);
      assertThat(load.servedBy("chat-v2")).as("green served some traffic at 10%").isPositive();
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
    }
    System.out.println(report.toText());

    assertThat(report.outcome()).as(report.toText()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 10);
    GateResult failed = report.failedGate().orElseThrow();
    assertThat(failed.gate()).isEqualTo("promql");
    Measurement firing = failed.measurements().get(0);
    assertThat(firing.name()).isEqualTo("firing_series");
    assertThat(firing.value()).isEqualTo(1);
    assertThat(firing.ok()).isFalse();
    // The value Prometheus measured is in the report: "first: {service_name=pqslow} = 1.9...".
    assertThat(firing.note()).contains("service_name=pqslow");
    assertThat(measuredP99(firing)).isGreaterThan(1.0);
    assertThat(report.toText()).contains("[FAIL] promql").contains("firing_series=1");
    // Automatic rollback: blue takes all traffic again, green is stopped.
    assertThat(lab.eas.describeService("pqslow_v1").weight()).contains(100);
    assertThat(lab.eas.awaitStopped("pqslow_v2", Duration.ofSeconds(10)).status())
        .isEqualTo(ServiceStatus.STOPPED);
  }

  @Test
  void aHealthyGreenPassesThePromQlGateAtEveryStage() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("pqok_v1", "pqok", "chat-v1"));
    ReleaseReport report;
    Double groupP99;
    try (InferenceClient app = lab.groupClient("pqok", registry);
        ClientLoad load = ClientLoad.start(app, 6);
        BlueGreen releases = BlueGreen.create(lab.pai, lab.eas)) {
      load.awaitMore(50);
      report =
          releases
              .release("pqok", "pqok_v1", ReleaseTestLab.spec("pqok_v2", "pqok", "chat-v2"))
              .stages(50, 100)
              .warmup(1)
              .bake(BAKE)
              .drain(Duration.ofMillis(300))
              .gate(p99Gate("pqok"))
              .run();
      // Not a pass for lack of data: Prometheus holds the group's p99 for the release's stages.
      groupP99 =
          prometheus
              .query(
                  "histogram_quantile(0.99, sum(rate(inference_request_duration_seconds_bucket"
                      + "{service_name=\"pqok\"}[10s])) by (le, service_name))")
              .value(Map.of("service_name", "pqok"))
              .orElse(null);
      assertThat(load.servedBy("chat-v2")).isPositive();
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
    }
    System.out.println(report.toText() + "  group p99 over the last 10 s: " + groupP99 + " s");

    assertThat(report.outcome()).as(report.toText()).isEqualTo(ReleaseOutcome.PROMOTED);
    assertThat(report.stages()).extracting(StageReport::percent).containsExactly(0, 50, 100);
    assertThat(report.stages().subList(1, 3))
        .allSatisfy(
            s ->
                assertThat(s.gates())
                    .singleElement()
                    .satisfies(
                        g -> {
                          assertThat(g.gate()).isEqualTo("promql");
                          assertThat(g.passed()).isTrue();
                          assertThat(g.measurements().get(0).value()).isZero();
                        }));
    assertThat(groupP99).as("Prometheus scraped the group's latency").isNotNull();
    assertThat(lab.eas.describeService("pqok_v2").weight()).contains(100);
  }

  /** The value after " = " in the alert-rule measurement's note. */
  private static double measuredP99(Measurement firing) {
    String note = firing.note();
    return Double.parseDouble(note.substring(note.lastIndexOf(" = ") + 3).trim());
  }
}
