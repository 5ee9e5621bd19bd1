package dev.pailot.training.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.error.ValidationException;
import dev.pailot.training.JobSpec;
import dev.pailot.training.ResourceConfig;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.checkpoint.LocalCheckpointStore;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code build()} checks before anything is sent, and the policy as plain data. */
class SpotRunBuilderTest {
  private final Pai pai =
      Pai.builder()
          .region("cn-shanghai")
          .credentials(PaiCredentials.accessKey("LTAI5tBuilderTest", "secret"))
          .endpointOverride(URI.create("http://127.0.0.1:9"))
          .build();
  private final SpotTraining training = SpotTraining.create(pai);
  private final LocalCheckpointStore store = LocalCheckpointStore.of(Path.of("/tmp/none"));

  @AfterEach
  void tearDown() {
    training.close();
    pai.close();
  }

  @Test
  void aSpotRunNeedsACheckpointLocationAndAStore() {
    JobSpec noCheckpoint =
        SpotStubs.spec().toBuilder().checkpoint(java.util.Optional.empty()).build();

    assertThatThrownBy(() -> training.spotRun(noCheckpoint).checkpointStore(store).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("checkpoint location required");
    assertThatThrownBy(() -> training.spotRun(SpotStubs.spec()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("checkpointStore");
  }

  @Test
  void aBudgetNeedsPricedInstanceTypes() {
    JobSpec onQuota =
        SpotStubs.spec().toBuilder()
            .resourceId("quota123")
            .roles(
                List.of(
                    RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                        .resources(ResourceConfig.builder().cpu("8").memory("32Gi").build())
                        .build()))
            .build();

    assertThatThrownBy(
            () ->
                training
                    .spotRun(onQuota)
                    .checkpointStore(store)
                    .budget(new BigDecimal("10"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("price book");
    // Without a budget the run is fine; its costs are just unknown.
    assertThat(training.spotRun(onQuota).checkpointStore(store).build().name()).isEqualTo("sft");
  }

  @Test
  void badPolicyValuesNameTheField() {
    assertThatThrownBy(
            () -> training.spotRun(SpotStubs.spec()).maxAttempts(0).checkpointStore(store).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () ->
                training
                    .spotRun(SpotStubs.spec())
                    .checkpointStore(store)
                    .fallbackToOnDemandWithin(Duration.ofHours(1))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> SpotRunPolicy.builder().stepLogPattern("step").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stepLogPattern");
    assertThatThrownBy(
            () ->
                training.spotRun(SpotStubs.spec()).name("bad name").checkpointStore(store).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("displayName");
  }

  @Test
  void thePolicyIsPlainData() {
    SpotRun run =
        training
            .spotRun(SpotStubs.spec())
            .resumeOnPreemption()
            .maxAttempts(10)
            .deadline(Duration.ofHours(12))
            .budget(new BigDecimal("200.00"))
            .fallbackToOnDemandAfter(3)
            .gangStartTimeout(Duration.ofMinutes(10))
            .checkpointStore(store)
            .build();

    String json = dev.pailot.core.internal.ReportJson.write(run.policy());
    SpotRunPolicy again = dev.pailot.core.internal.ReportJson.read(json, SpotRunPolicy.class);

    assertThat(json).contains("\"deadline\" : \"PT12H\"", "\"budget\" : 200.00");
    assertThat(again).isEqualTo(run.policy());
    assertThat(
            training
                .spotRun(SpotStubs.spec())
                .policy(again)
                .checkpointStore(store)
                .build()
                .policy())
        .isEqualTo(again);
  }
}
