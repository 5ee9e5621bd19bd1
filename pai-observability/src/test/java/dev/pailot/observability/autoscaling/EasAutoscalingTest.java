package dev.pailot.observability.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.error.ValidationException;
import dev.pailot.observability.capacity.KvCacheCalculator;
import dev.pailot.observability.capacity.KvCacheSpec;
import dev.pailot.observability.capacity.ModelShape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EasAutoscalingTest {
  @Test
  void kvCacheTargetBecomesAQpsThresholdInEasShape() throws Exception {
    long users =
        KvCacheCalculator.estimate(
                KvCacheSpec.builder()
                    .model(ModelShape.LLAMA_3_8B)
                    .gpuMemoryBytes(80_000_000_000L)
                    .build())
            .concurrentSequences(4096); // 96
    LlmScalingTargets targets =
        LlmScalingTargets.builder()
            .minReplicas(1)
            .maxReplicas(8)
            .concurrentSequencesPerReplica((int) users)
            .meanRequestDuration(Duration.ofSeconds(4))
            .targetKvCacheUsage(0.75)
            .targetWaitingPerReplica(2)
            .build();

    EasAutoscalerPlan plan = EasAutoscaling.plan(targets);

    assertThat(plan.targetConcurrencyPerReplica()).isEqualTo(72.0);
    assertThat(plan.qpsThreshold()).isEqualTo(18.0); // 72 sequences / 4 s
    JsonNode body = new ObjectMapper().valueToTree(plan.toEasSettings());
    assertThat(body.path("min").asInt()).isEqualTo(1);
    assertThat(body.path("max").asInt()).isEqualTo(8);
    assertThat(body.path("scaleStrategies").get(0).path("metricName").asText()).isEqualTo("qps");
    assertThat(body.path("scaleStrategies").get(0).path("threshold").asDouble()).isEqualTo(18.0);
    assertThat(body.at("/behavior/scaleDown/stabilizationWindowSeconds").asInt()).isEqualTo(300);
    assertThat(plan.notes()).anyMatch(n -> n.contains("no queue-depth metric"));
  }

  @Test
  void invalidTargetsFailAtTheBuilder() {
    assertThatThrownBy(
            () ->
                LlmScalingTargets.builder()
                    .minReplicas(2)
                    .maxReplicas(2)
                    .concurrentSequencesPerReplica(8)
                    .meanRequestDuration(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxReplicas");
    assertThatThrownBy(() -> LlmScalingTargets.builder().maxReplicas(2).build())
        .isInstanceOf(ValidationException.class);
  }
}
