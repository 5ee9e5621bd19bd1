package dev.pailot.training.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.SecretLeakGuard;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import dev.pailot.training.checkpoint.OssCheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** No secret reaches the logs, the report, the events or a store's text, at DEBUG. */
class SpotRunSecretsTest {
  @RegisterExtension static WireMockExtension wm = SpotStubs.server();

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret("test-secret");

  @TempDir Path ckpt;

  @Test
  void aPreemptedThenFailedRunLeaksNoSecret() {
    SpotStubs.creates(wm, 2);
    SpotStubs.lifecycle(wm, "dlc-a1", FakeJob.running("dlc-a1"), FakeJob.preempted("dlc-a1"));
    SpotStubs.lifecycle(wm, "dlc-a2", FakeJob.running("dlc-a2"), FakeJob.failed("dlc-a2"));
    SpotStubs.sideCalls(wm, List.of("step 3/10 loss=1"), List.of("PodFailed"));
    List<SpotRunEvent> events = new CopyOnWriteArrayList<>();
    SpotRunReport report;
    try (Pai pai = SpotStubs.pai(wm, new CopyOnWriteArrayList<>());
        SpotTraining training = SpotTraining.create(pai)) {
      SpotRun run =
          training
              .spotRun(SpotStubs.spec())
              .resumeOnPreemption()
              .pollInterval(Duration.ofMillis(5))
              .checkpointStore(LocalCheckpointStore.of(ckpt))
              .listener(events::add)
              .build();
      report = run.await();
      guard.assertNoSecretIn("run", run);
    }

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    guard.assertNoSecretIn("report JSON", report.toJson());
    guard.assertNoSecretIn("report text", report.toText());
    guard.assertNoSecretIn("events", events);
    try (OssCheckpointStore store =
        OssCheckpointStore.builder()
            .uri(SpotStubs.CKPT)
            .credentials(PaiCredentials.accessKey("LTAI5tSpotRunTest", "test-secret"))
            .build()) {
      guard.assertNoSecretIn("OSS store", store);
    }
  }
}
