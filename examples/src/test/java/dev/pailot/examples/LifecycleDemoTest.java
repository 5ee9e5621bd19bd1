package dev.pailot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.examples.demo.DemoSummary;
import dev.pailot.examples.demo.RagSummary;
import dev.pailot.rag.budget.Stage;
import dev.pailot.serving.release.ReleaseOutcome;
import dev.pailot.serving.release.shadow.ShadowVerdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LifecycleDemoTest {
  @Test
  void provisionsOnceAndTheSecondApplyCreatesNothing() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DemoSummary summary = LifecycleDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(out); // the demo's own report, in the test's output when an assertion fails

    assertThat(summary.provisioning().vpcId()).startsWith("vpc-");
    assertThat(summary.provisioning().vSwitchIds()).hasSize(2);
    assertThat(summary.provisioning().securityGroupId()).startsWith("sg-");
    assertThat(summary.provisioning().datasetId()).startsWith("d-");
    assertThat(summary.provisioning().createdFirst()).isGreaterThanOrEqualTo(4);
    assertThat(summary.provisioning().createCallsFirst()).isGreaterThanOrEqualTo(6);
    assertThat(summary.provisioning().createdSecond()).isZero();
    assertThat(summary.provisioning().createCallsSecond()).isZero();
    assertThat(out).contains("+ vpc pailot-demo").contains("Second apply: 0 created");

    assertThat(summary.training().succeeded()).isTrue();
    assertThat(summary.training().preemptions()).isEqualTo(2);
    assertThat(summary.training().attempts()).hasSize(3);
    assertThat(summary.training().attempts().get(1).resumedFromStep()).isEqualTo(30);
    assertThat(summary.training().attempts().get(2).resumedFromStep()).isEqualTo(60);
    assertThat(summary.training().savings()).hasValueSatisfying(s -> assertThat(s).isPositive());

    assertThat(summary.serving().shadow().verdict())
        .as(summary.serving().shadow().toText())
        .isEqualTo(ShadowVerdict.PROMOTE);
    assertThat(summary.serving().release())
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(ReleaseOutcome.PROMOTED));
    assertThat(summary.serving().appRequests()).isPositive();
    assertThat(summary.serving().appFailures()).isZero();
    assertThat(out).contains("Blue-green release chat_v1 -> chat_v2").contains("Shadow chat_v1");

    assertThat(summary.rag().pagesAdded()).isEqualTo(3);
    assertThat(summary.rag().chunks()).isGreaterThan(3);
    assertThat(summary.rag().answers())
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.text()).isNotBlank())
        .allSatisfy(a -> assertThat(a.citations()).isNotEmpty())
        .allSatisfy(
            a ->
                assertThat(a.stages())
                    .extracting(RagSummary.Stage::stage)
                    .containsExactly(
                        Arrays.stream(Stage.values()).map(Enum::name).toArray(String[]::new)));
    // The OkHttp question is answered by the client page, which documents the dispatcher; the
    // engine question by the LocalPai page.
    assertThat(summary.rag().answers().get(0).citations())
        .anyMatch(c -> c.startsWith("client.md#"));
    assertThat(summary.rag().answers().get(1).citations())
        .anyMatch(c -> c.startsWith("localpai.md#"));
    assertThat(out)
        .contains("+ EAS service demo_chat Running")
        .contains("[1] ")
        .contains("rerank ");

    // Read back from the demo's /metrics endpoint over HTTP: every stage recorded on one registry.
    assertThat(summary.metrics().controlPlaneCalls()).isPositive();
    assertThat(summary.metrics().inferenceRequests()).isPositive();
    assertThat(summary.metrics().spotPreemptions()).isEqualTo(2.0);
    assertThat(summary.metrics().releaseRollbacks()).isZero();
    assertThat(summary.metrics().ragStageObservations()).isPositive();
    assertThat(summary.metrics().files()).allSatisfy(f -> assertThat(f).exists());
    assertThat(out).contains("== 5. Observability: http://127.0.0.1:");
    // main(--json) prints this summary: it must serialise (plain records and report values).
    assertThat(LifecycleDemo.json(summary)).contains("\"pagesAdded\":3").contains("scrapeUrl");
  }
}
