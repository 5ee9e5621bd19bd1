package dev.pailot.serving.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.event.PaiListener;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.ReleaseEvent;
import dev.pailot.serving.release.ReleaseOutcome;
import dev.pailot.serving.release.ReleasePlan;
import dev.pailot.serving.release.ReleaseReport;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.GoldenSetGate;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.gates.Scorers;
import dev.pailot.testkit.SecretLeakGuard;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up and the golden-set gate against a fake engine that always answers the same, and the
 * release's secret hygiene: the services' token reaches the engine and nothing else.
 */
class ReleaseGoldenAndSecretsTest {
  private static final String TOKEN = "eas-token-Zm9vYmFyYmF6cXV4";

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret(TOKEN);

  private final MockWebServer engine = new MockWebServer();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final FakeEas eas = new FakeEas("grp", "blue", "green");

  @BeforeEach
  void start() throws IOException {
    engine.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            authorizations.add(request.getHeaders().get("Authorization"));
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(
                    "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"qwen\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"The capital of France is Paris.\"},"
                        + "\"finish_reason\":\"stop\"}]}")
                .build();
          }
        });
    engine.start();
    eas.endpointBase = engine.url("/api/predict/").toString();
    eas.token = TOKEN;
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aGoldenMissFailsThePreTrafficCheckWithWhatWasExpectedAndNoSecretAnywhere() {
    GoldenSetGate golden =
        GoldenSetGate.builder()
            .example(GoldenExample.of("Capital of France?", "paris"))
            .example(GoldenExample.of("Capital of Italy?", "Rome"))
            .example(GoldenExample.agreement("Capital of Spain?")) // blue answers the same
            .scorer(Scorers.contains())
            .minPassRate(0.9)
            .build();
    List<ReleaseEvent> events = new CopyOnWriteArrayList<>();
    ReleaseReport report =
        new ReleaseController(
                ReleasePlan.builder()
                    .group("grp")
                    .blue("blue")
                    .green("green")
                    .bake(Duration.ZERO)
                    .drain(Duration.ZERO)
                    .warmupRequests(2)
                    .addGates(golden.name())
                    .build(),
                List.of(golden),
                eas,
                new ReleaseEvents("grp", "green", events::add, PaiListener.NONE),
                ReleaseMetrics.of(null),
                e -> InferenceClient.builder().endpoint(e.url()).token(e.token()).build(),
                Optional.empty())
            .run();

    assertThat(report.outcome()).isEqualTo(ReleaseOutcome.ROLLED_BACK);
    assertThat(report.stages().get(0).gates().get(0).passed()).isTrue(); // the warm-up
    assertThat(report.failedGate().orElseThrow().measurements())
        .extracting(Measurement::name, Measurement::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple("golden_pass_rate", 2 / 3.0),
            org.assertj.core.groups.Tuple.tuple("golden_failed_requests", 0.0));
    assertThat(report.failedGate().orElseThrow().measurements())
        .filteredOn(m -> m.name().equals("golden_miss"))
        .singleElement()
        .satisfies(m -> assertThat(m.note()).contains("expected 'Rome'").contains("Paris"));
    // 2 warm-up + 3 golden on green + 1 on blue, every one with the service's token.
    assertThat(authorizations).hasSize(6).containsOnly(TOKEN);
    guard.assertNoSecretIn("report JSON", report.toJson());
    guard.assertNoSecretIn("report text", report.toText());
    guard.assertNoSecretIn("events", events.toString());
    guard.assertNoSecretIn("endpoint", eas.endpoint("green").toString());
  }
}
