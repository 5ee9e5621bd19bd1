package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.serving.preflight.Preflight;
import dev.pailot.serving.preflight.PreflightProfile;
import dev.pailot.serving.preflight.PreflightReport;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The snippets of docs/serving.md, compiled and run against LocalPai. */
class ServingDocsTest {
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  static ServiceSpec spec() {
    // tag::spec[]
    ServiceSpec spec =
        ServiceSpec.builder()
            .metadata(
                ServiceMetadata.builder()
                    .name("qwen_chat")
                    .instance(2)
                    .group("qwen_grp")
                    .rpcKeepalive(Duration.ofMinutes(10)) // longer than the longest answer
                    .build())
            .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
            .networking(NetworkingSpec.of("vpc-1", "vsw-1", "sg-1"))
            .addContainers(
                ContainerSpec.of(
                        "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5", 8000)
                    .script("vllm serve /mnt/model --served-model-name qwen --max-num-seqs 64")
                    .readinessCheck(ProbeSpec.httpGet("/health", 8000, Duration.ofMinutes(2)))
                    .build())
            .addStorage(StorageMount.oss("oss://models/qwen2.5-0.5b-instruct/", "/mnt/model"))
            .autoscaler(
                AutoscalerSpec.builder().min(2).max(8).addStrategies(ScaleStrategy.qps(20)).build())
            .build();
    String json = spec.toJson(); // EAS's own JSON; ServiceSpec.fromJson(json) reads it back
    // end::spec[]
    assertThat(ServiceSpec.fromJson(json)).isEqualTo(spec);
    return spec;
  }

  @Test
  void specAndYaml() {
    ServiceSpec spec = spec();
    // tag::yaml[]
    String yaml =
        spec.toKubernetesYaml(); // apiVersion: eas.alibabacloud.com/v1alpha1, kind: Service
    ServiceSpec same = ServiceSpec.fromKubernetesYaml(yaml);
    // end::yaml[]
    assertThat(same).isEqualTo(spec);
  }

  @Test
  void preflight() {
    ServiceSpec spec = spec();
    // tag::preflight[]
    PreflightReport report = Preflight.check(spec, PreflightProfile.productionDefaults());
    System.out.println(report.toText()); // or report.toJson() for a portal
    report.findings().forEach(f -> System.out.println(f.id() + " " + f.severity()));
    // end::preflight[]
    assertThat(report.findings()).extracting(f -> f.id()).contains("image-tag", "public-endpoint");
    assertThat(report.passed()).isFalse(); // public endpoint in production
  }

  @Test
  void deployAndLifecycle() {
    ServiceSpec spec = spec();
    // tag::deploy[]
    try (EasClient eas = EasClient.create(pai)) {
      DeployOptions options =
          DeployOptions.builder()
              .profile(PreflightProfile.productionDefaults())
              .addWaived("public-endpoint") // an accepted risk, named
              .listener(e -> System.out.println(e.phase() + " " + e.message()))
              .build();
      Deployment d = eas.deploy(spec, options);
      System.out.println(d.action() + " v" + d.version() + " in " + d.elapsed().toSeconds() + " s");
      // end::deploy[]
      assertThat(d.service().runningInstance()).isEqualTo(2);
      // tag::lifecycle[]
      List<ServiceVersion> versions = eas.listVersions("qwen_chat"); // newest first
      eas.scaleService("qwen_chat", 3);
      eas.awaitRunning("qwen_chat", Duration.ofMinutes(20));
      eas.rollbackToVersion("qwen_chat", versions.get(versions.size() - 1).version());
      eas.stopService("qwen_chat");
      eas.awaitStopped("qwen_chat", Duration.ofMinutes(5));
      eas.startService("qwen_chat");
      EasService running = eas.awaitRunning("qwen_chat", Duration.ofMinutes(20));
      eas.awaitServing(running, Duration.ofMinutes(5)); // GET /v1/models with the token
      // end::lifecycle[]
      // tag::autoscaler[]
      eas.updateAutoscaler(
          "qwen_chat",
          AutoscalerSpec.builder()
              .min(2)
              .max(10)
              .addStrategies(ScaleStrategy.qps(20), ScaleStrategy.gpuUtil(80))
              .scaleDownStabilization(Duration.ofMinutes(10))
              .build());
      Optional<AutoscalerStatus> status = eas.describeAutoscaler("qwen_chat");
      eas.createCronScaler(
          "qwen_chat",
          CronScalerSpec.builder()
              .addJobs(CronScaleJob.of("evening_peak", "0 18 * * *", 6))
              .addJobs(CronScaleJob.of("night", "0 1 * * *", 2))
              .build());
      // end::autoscaler[]
      assertThat(status.orElseThrow().spec().max()).isEqualTo(10);
      assertThat(eas.describeCronScaler("qwen_chat").orElseThrow().jobs()).hasSize(2);
    }
  }
}
