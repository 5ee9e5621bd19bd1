package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ResourceNotFoundException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EAS client against LocalPai: the lifecycle, versions, scaling and a failed rollout. */
class EasLocalPaiTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final LocalPaiEas LOCAL = new LocalPaiEas();

  private final EasClient eas = LOCAL.eas();

  @Test
  void aServiceIsCreatedServesUpdatesRollsBackScalesStopsStartsAndIsDeleted() {
    ServiceSpec v1 = Specs.vllm("life");
    eas.createService(v1);

    EasService running = eas.awaitRunning("life", WAIT);
    eas.awaitServing(running, WAIT);
    assertThat(running.currentVersion()).isEqualTo(1);
    assertThat(running.image()).hasValue(Specs.VLLM);

    ServiceSpec v2 =
        v1.toBuilder()
            .containers(
                List.of(
                    v1.containers().get(0).toBuilder()
                        .script("vllm serve /mnt/model --served-model-name qwen --max-num-seqs 32")
                        .build()))
            .build();
    eas.replaceService("life", v2);
    EasService updated = eas.awaitRunning("life", WAIT);
    assertThat(updated.currentVersion()).isEqualTo(2);
    assertThat(updated.spec()).hasValue(v2);
    assertThat(eas.listVersions("life")).extracting(ServiceVersion::version).containsExactly(2, 1);

    eas.rollbackToVersion("life", 1);
    EasService rolledBack = eas.awaitVersion("life", 1, WAIT);
    assertThat(rolledBack.currentVersion()).isEqualTo(1);
    assertThat(rolledBack.spec()).hasValue(v1);

    eas.scaleService("life", 2);
    assertThat(eas.awaitRunning("life", WAIT).runningInstance()).isEqualTo(2);

    eas.stopService("life");
    assertThat(eas.awaitStopped("life", WAIT).runningInstance()).isZero();
    eas.startService("life");
    eas.awaitServing(eas.awaitRunning("life", WAIT), WAIT);

    assertThat(eas.listServices(ServiceFilter.builder().nameContains("life").build()))
        .extracting(EasService::name)
        .contains("life");
    assertThat(eas.deleteService("life")).isTrue();
    eas.awaitDeleted("life", WAIT);
    assertThatThrownBy(() -> eas.describeService("life"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void anAutoscalerIsSetReadAndRemoved() {
    eas.createService(Specs.vllm("scaled"));
    eas.awaitRunning("scaled", WAIT);
    AutoscalerSpec spec =
        AutoscalerSpec.builder().min(1).max(4).addStrategies(ScaleStrategy.qps(50)).build();

    eas.createAutoscaler("scaled", spec);
    AutoscalerStatus status = eas.describeAutoscaler("scaled").orElseThrow();
    eas.updateAutoscaler("scaled", spec.toBuilder().max(6).build());

    assertThat(status.spec().max()).isEqualTo(4);
    assertThat(status.spec().strategies().get(0).metricName()).isEqualToIgnoringCase("qps");
    assertThat(status.currentMetrics()).containsKey("QPS");
    assertThat(eas.describeAutoscaler("scaled").orElseThrow().spec().max()).isEqualTo(6);
    assertThat(eas.describeService("scaled").autoscalerEnabled()).isTrue();
    assertThat(eas.deleteAutoscaler("scaled")).isTrue();
    assertThat(eas.describeAutoscaler("scaled")).isEmpty();
    assertThat(eas.deleteAutoscaler("scaled")).isFalse();
  }

  @Test
  void aFailedDeploymentCarriesEventsAndDiagnosis() {
    LOCAL.localPai().faults().easFailNextDeployment("broken");
    eas.createService(Specs.vllm("broken"));

    assertThatThrownBy(() -> eas.awaitRunning("broken", WAIT))
        .isInstanceOfSatisfying(
            ServiceFailedException.class,
            e -> {
              assertThat(e.service().status()).isEqualTo(ServiceStatus.FAILED);
              assertThat(e.events()).anyMatch(ev -> ev.warning() && ev.reason().equals("Failed"));
              assertThat(e.diagnosis()).isNotEmpty();
              assertThat(e.getMessage()).contains("not healthy").contains("Advice");
            });
  }

  @Test
  void aMissingServiceIsNotFound() {
    assertThatThrownBy(() -> eas.describeService("absent"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(eas.deleteService("absent")).isFalse();
  }
}
