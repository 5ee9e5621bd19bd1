package dev.pailot.serving.release.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.ServiceStatus;
import dev.pailot.serving.release.BlueGreen;
import dev.pailot.serving.release.ClientLoad;
import dev.pailot.serving.release.ReleaseOutcome;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.ReleaseTestLab;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.Scorers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shadow evaluations on LocalPai while application traffic flows through the group. */
class ShadowLocalPaiTest {
  private static ReleaseTestLab lab;

  @BeforeAll
  static void start() {
    lab = new ReleaseTestLab();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static final List<GoldenExample> GOLDEN =
      List.of(
          GoldenExample.agreement("What is PAI-EAS?"),
          GoldenExample.agreement("Name three colours."),
          GoldenExample.agreement("Summarise blue-green releases in one line."));

  /** Requests a service's engine finished, from its {@code /metrics} through its own endpoint. */
  private static double served(String service) throws Exception {
    EasService s = lab.eas.describeService(service);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(s.internetEndpoint().orElseThrow() + "/metrics"))
            .header("Authorization", s.accessToken().orElseThrow())
            .build();
    String text =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    return text.lines()
        .filter(l -> l.startsWith("vllm:request_success_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aGoodGreenIsShadowedComparedKeptAndThenPromoted() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("sh_v1", "sh", "chat-v1"));
    ServiceSpec greenSpec = ReleaseTestLab.spec("sh_v2", "sh", "chat-v2");
    ShadowReport report;
    try (InferenceClient app = lab.groupClient("sh", new SimpleMeterRegistry());
        ClientLoad load = ClientLoad.start(app, 4)) {
      // tag::shadow[]
      try (Shadow shadow = Shadow.create(pai(), eas())) {
        report =
            shadow
                .evaluate("sh", "sh_v1", greenSpec)
                .mirrorPercent(10) // CreateServiceMirror: 10% of blue's requests, to green
                .window(Duration.ofMillis(1500))
                .probe(ChatRequest.builder().user("Say hello.").maxTokens(4).build())
                .probeInterval(Duration.ofMillis(20)) // the probe pair goes to both own endpoints
                .golden(GOLDEN) // asked of both; scored green against blue
                .scorer(Scorers.tokenJaccard())
                .p99Tolerance(Duration.ofMillis(250)) // a shared 2-core machine is noisy
                .run();
      }
      System.out.println(report.toText());
      // end::shadow[]
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
    }
    assertThat(report.verdict()).isEqualTo(ShadowVerdict.PROMOTE);
    assertThat(report.greenAction()).isEqualTo("KEPT");
    assertThat(report.blueStats().requests()).isGreaterThanOrEqualTo(10);
    assertThat(report.greenStats().requests()).isEqualTo(report.blueStats().requests());
    assertThat(report.greenStats().p99Seconds()).isPositive();
    assertThat(report.agreement()).isEqualTo(1.0);
    assertThat(report.golden()).hasSize(3);
    assertThat(report.checks()).allMatch(m -> m.ok());
    assertThat(ShadowReport.fromJson(report.toJson())).isEqualTo(report);
    assertThat(report.toText()).contains("PROMOTE").contains("golden agreement 1.000");
    // The mirror is gone, and it did copy live traffic: green served more than the SDK sent it.
    assertThat(lab.eas.describeServiceMirror("sh_v1")).isEmpty();
    assertThat(served("sh_v2")).isGreaterThan(report.greenStats().requests() + GOLDEN.size() + 0.0);

    // The shadowed green is the release's green: the blue-green run continues with it.
    try (BlueGreen releases = BlueGreen.create(pai(), eas())) {
      ReleaseReport promoted =
          releases
              .release("sh", "sh_v1", greenSpec)
              .stages(50, 100)
              .bake(Duration.ofMillis(200))
              .drain(Duration.ofMillis(100))
              .run();
      assertThat(promoted.outcome()).isEqualTo(ReleaseOutcome.PROMOTED);
      assertThat(promoted.resumedFrom().orElseThrow().phase()).isEqualTo(ReleasePhase.PRE_TRAFFIC);
    }
  }

  @Test
  void aSlowGreenIsDiscardedAndStopped() throws Exception {
    lab.deployBlue(ReleaseTestLab.spec("shs_v1", "shs", "chat-v1"));
    lab.localPai.faults().easLatency("shs_v2", Duration.ofMillis(300));
    ShadowReport report;
    try (InferenceClient app = lab.groupClient("shs", new SimpleMeterRegistry());
        ClientLoad load = ClientLoad.start(app, 4);
        Shadow shadow = Shadow.create(pai(), eas())) {
      report =
          shadow
              .evaluate("shs", "shs_v1", ReleaseTestLab.spec("shs_v2", "shs", "chat-v2"))
              .window(Duration.ofMillis(1200))
              .probeInterval(Duration.ofMillis(20))
              .golden(GOLDEN.subList(0, 1))
              .run();
      assertThat(load.failed.get()).as("failed client requests: %s", load.errors()).isZero();
    }
    assertThat(report.verdict()).isEqualTo(ShadowVerdict.DISCARD);
    assertThat(report.greenAction()).isEqualTo("STOPPED");
    assertThat(report.checks())
        .anySatisfy(
            m -> {
              assertThat(m.name()).isEqualTo("green_p99_seconds");
              assertThat(m.ok()).isFalse();
            });
    assertThat(report.greenStats().p50Seconds()).isGreaterThan(0.3);
    assertThat(lab.eas.awaitStopped("shs_v2", Duration.ofSeconds(10)).status())
        .isEqualTo(ServiceStatus.STOPPED);
    assertThat(lab.eas.describeServiceMirror("shs_v1")).isEmpty();
  }

  private static Pai pai() {
    return lab.pai;
  }

  private static EasClient eas() {
    return lab.eas;
  }
}
