package dev.pailot.serving.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.observability.capacity.ModelShape;
import dev.pailot.serving.eas.AutoscalerSpec;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.NetworkingSpec;
import dev.pailot.serving.eas.ProbeSpec;
import dev.pailot.serving.eas.ScaleStrategy;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every preflight check, firing and quiet. */
class PreflightTest {
  private static final String DIGEST =
      "registry/vllm@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  /** A production-grade spec: quiet under the production profile but for the autoscaler info. */
  static ServiceSpec good() {
    return ServiceSpec.builder()
        .metadata(
            ServiceMetadata.builder()
                .name("qwen_chat")
                .instance(2)
                .rpcKeepalive(Duration.ofMinutes(10))
                .build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
        .networking(NetworkingSpec.of("vpc-1", "vsw-1", "sg-1"))
        .addContainers(
            ContainerSpec.of(DIGEST, 8000)
                .script("vllm serve /mnt/model/Qwen2.5-7B-Instruct --max-num-seqs 8")
                .readinessCheck(ProbeSpec.httpGet("/health", 8000, Duration.ofSeconds(120)))
                .build())
        .addStorage(StorageMount.oss("oss://bucket/models/Qwen2.5-7B-Instruct/", "/mnt/model"))
        .autoscaler(
            AutoscalerSpec.builder().min(2).max(6).addStrategies(ScaleStrategy.qps(10)).build())
        .putExtra(
            "networking",
            new ObjectMapper().createObjectNode().put("disable_internet_endpoint", true))
        .build();
  }

  private static List<PreflightFinding> findings(ServiceSpec spec, PreflightProfile profile) {
    return Preflight.check(spec, profile).findings();
  }

  private static Optional<PreflightFinding> finding(
      ServiceSpec spec, PreflightProfile profile, String id) {
    return findings(spec, profile).stream().filter(f -> f.id().equals(id)).findFirst();
  }

  @Test
  void aProductionGradeSpecPasses() {
    PreflightReport report = Preflight.check(good(), PreflightProfile.productionDefaults());

    assertThat(report.findings()).isEmpty();
    assertThat(report.passed()).isTrue();
  }

  @Test
  void imageTagLatestOrNoneIsAnErrorAndATagIsInfo() {
    ContainerSpec c = good().containers().get(0);
    for (String image : List.of("registry/vllm:latest", "registry/vllm", "host:5000/vllm")) {
      ServiceSpec spec =
          good().toBuilder().containers(List.of(c.toBuilder().image(image).build())).build();
      assertThat(finding(spec, PreflightProfile.productionDefaults(), "image-tag"))
          .get()
          .extracting(PreflightFinding::severity)
          .isEqualTo(Severity.ERROR);
    }
    ServiceSpec tagged =
        good().toBuilder()
            .containers(List.of(c.toBuilder().image("host:5000/vllm:0.8.5").build()))
            .build();
    assertThat(finding(tagged, PreflightProfile.productionDefaults(), "image-tag"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.INFO);
  }

  @Test
  void weightsBakedIntoTheImageAreAWarningWithTheImageSize() {
    ServiceSpec spec = good().toBuilder().storage(List.of()).build();
    PreflightProfile profile =
        PreflightProfile.productionDefaults().toBuilder().imageSizeGb(21.5).build();

    PreflightFinding f = finding(spec, profile, "weights-in-image").orElseThrow();

    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message()).contains("21.5 GB");
  }

  @Test
  void noVpcAndAPublicEndpointAreErrorsInProductionOnly() {
    ServiceSpec spec =
        ServiceSpec.builder()
            .from(good())
            .networking(Optional.empty())
            .extra(java.util.Map.of())
            .build();

    assertThat(finding(spec, PreflightProfile.productionDefaults(), "vpc-networking"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.ERROR);
    assertThat(finding(spec, PreflightProfile.productionDefaults(), "public-endpoint"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.ERROR);
    assertThat(finding(spec, PreflightProfile.developmentDefaults(), "vpc-networking"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.WARNING);
    assertThat(finding(spec, PreflightProfile.developmentDefaults(), "public-endpoint"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.INFO);
  }

  @Test
  void aProbeDelayShorterThanTheWeightLoadTimeIsAnError() {
    // Qwen2.5-7B: 15.24 GB of weights at the default 400 MB/s load in ~38 s; a 72B model (145 GB)
    // takes ~6 minutes.
    PreflightProfile big =
        PreflightProfile.productionDefaults().toBuilder().modelSizeGb(145.4).build();

    PreflightFinding f = finding(good(), big, "health-check-delay").orElseThrow();

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("120 s").contains("145.4 GB").contains("364 s");
    assertThat(finding(good(), PreflightProfile.productionDefaults(), "health-check-delay"))
        .isEmpty();
    PreflightProfile slowStorage =
        PreflightProfile.productionDefaults().toBuilder().storageThroughputMbPerSecond(100).build();
    assertThat(finding(good(), slowStorage, "health-check-delay")).isPresent();
  }

  @Test
  void noProbeIsAWarning() {
    ContainerSpec c = good().containers().get(0);
    ServiceSpec spec =
        good().toBuilder()
            .containers(
                List.of(ContainerSpec.builder().from(c).readinessCheck(Optional.empty()).build()))
            .build();

    assertThat(finding(spec, PreflightProfile.productionDefaults(), "health-check-delay"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void oneReplicaInProductionIsAWarningAndNoAutoscalerIsInfo() {
    ServiceSpec spec =
        ServiceSpec.builder()
            .from(good())
            .metadata(good().metadata().toBuilder().instance(1).build())
            .autoscaler(Optional.empty())
            .build();

    assertThat(finding(spec, PreflightProfile.productionDefaults(), "single-replica"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.WARNING);
    assertThat(finding(spec, PreflightProfile.productionDefaults(), "no-autoscaler"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.INFO);
    assertThat(finding(spec, PreflightProfile.developmentDefaults(), "single-replica")).isEmpty();
  }

  @Test
  void aKeepaliveShorterThanTheLongestGenerationIsAWarning() {
    PreflightProfile longAnswers =
        PreflightProfile.productionDefaults().toBuilder()
            .longestGeneration(Duration.ofMinutes(15))
            .build();
    ServiceSpec unset =
        good().toBuilder()
            .metadata(
                ServiceMetadata.builder()
                    .from(good().metadata())
                    .rpcKeepalive(Optional.empty())
                    .build())
            .build();

    assertThat(finding(good(), longAnswers, "rpc-keepalive"))
        .get()
        .extracting(PreflightFinding::message)
        .asString()
        .contains("600000 ms");
    assertThat(finding(unset, PreflightProfile.productionDefaults(), "rpc-keepalive")).isPresent();
  }

  @Test
  void gpuMemoryUsesTheKvCacheCalculator() {
    // Qwen2.5-7B on one A10 (24 GB) in fp16: 21.6 GB usable - 15.24 GB weights - 1.2 GB
    // activations = 5.16 GB of KV cache, 57,344 bytes per token, 5,623 blocks of 16 tokens (as
    // LocalPai's engine computes): 43 sequences of 2,048 tokens. 8 fit, 256 do not.
    ContainerSpec c = good().containers().get(0);
    ServiceSpec busy =
        good().toBuilder()
            .containers(
                List.of(
                    c.toBuilder()
                        .script("vllm serve /mnt/model/Qwen2.5-7B-Instruct --max-num-seqs 256")
                        .build()))
            .build();
    ServiceSpec fp8 =
        good().toBuilder()
            .containers(
                List.of(
                    c.toBuilder()
                        .script(
                            "vllm serve /mnt/model/Qwen2.5-7B-Instruct --max-num-seqs 64 --kv-cache-dtype fp8")
                        .build()))
            .build();
    PreflightProfile p = PreflightProfile.productionDefaults();

    assertThat(finding(good(), p, "gpu-memory")).isEmpty();
    PreflightFinding warn = finding(busy, p, "gpu-memory").orElseThrow();
    assertThat(warn.severity()).isEqualTo(Severity.WARNING);
    assertThat(warn.message()).contains("holds 43 sequences of 2048 tokens").contains("admits 256");
    assertThat(finding(fp8, p, "gpu-memory")).isEmpty();
    PreflightProfile hugeModel =
        p.toBuilder().model(ModelShape.LLAMA_3_70B).modelSizeGb(141.2).build();
    assertThat(finding(good(), hugeModel, "gpu-memory"))
        .get()
        .extracting(PreflightFinding::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void theReportIsPlainDataWithBlockingErrorsAndWaivers() throws Exception {
    ServiceSpec spec =
        good().toBuilder()
            .containers(
                List.of(
                    good().containers().get(0).toBuilder().image("registry/vllm:latest").build()))
            .build();
    PreflightReport report = Preflight.check(spec, PreflightProfile.productionDefaults());

    assertThat(report.passed()).isFalse();
    assertThat(report.blocking(List.of()))
        .extracting(PreflightFinding::id)
        .containsExactly("image-tag");
    assertThat(report.blocking(List.of("image-tag"))).isEmpty();
    var json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.path("passed").asBoolean()).isFalse();
    assertThat(json.path("findings").get(0).path("id").asText()).isEqualTo("image-tag");
    assertThat(report.toText()).contains("ERROR").contains("image-tag");
    assertThat(Preflight.CHECK_IDS).hasSize(9);
  }
}
