package dev.pailot.serving.release;

import dev.pailot.core.Pai;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.EasGroup;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * LocalPai with vLLM services in groups, for the release behaviour tests: one emulated minute lasts
 * 20 ms, so a replica loads in about 10 ms; engine steps are cheap so a few callers make hundreds
 * of requests per second.
 */
public final class ReleaseTestLab implements AutoCloseable {
  static final String VLLM = "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5";

  /** The emulator. */
  public final LocalPai localPai;

  /** A client for it. */
  public final Pai pai;

  /** EAS through {@link #pai}, with fast waiters. */
  public final EasClient eas;

  /** Starts LocalPai. */
  public ReleaseTestLab() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
    eas = fastEas(pai);
  }

  /**
   * An EAS client whose waiters poll every 20-100 ms (LocalPai's replicas load in milliseconds).
   */
  public static EasClient fastEas(Pai pai) {
    return EasClient.builder(pai).pollDelays(Duration.ofMillis(20), Duration.ofMillis(100)).build();
  }

  /** A vLLM service of {@code group} serving model {@code model} (the version's name). */
  public static ServiceSpec spec(String name, String group, String model) {
    return ServiceSpec.builder()
        .metadata(
            ServiceMetadata.builder()
                .name(name)
                .instance(1)
                .group(group)
                .rpcKeepalive(Duration.ofMinutes(10))
                .build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
        .addContainers(
            ContainerSpec.of(VLLM, 8000)
                .script("vllm serve /mnt/model --served-model-name " + model)
                .putEnv("LOCALPAI_STEP_BASE_US", "2000")
                .putEnv("LOCALPAI_STEP_PER_SEQ_US", "20")
                .build())
        .addStorage(StorageMount.oss("oss://models/qwen2.5-0.5b-instruct/", "/mnt/model"))
        .build();
  }

  /** Deploys blue and waits until it answers. */
  public void deployBlue(ServiceSpec spec) {
    eas.createService(spec);
    eas.awaitRunning(spec.name(), Duration.ofSeconds(30));
    eas.awaitServing(eas.describeService(spec.name()), Duration.ofSeconds(30));
  }

  /** The application's client: the group endpoint, metrics tagged with the group's name. */
  public InferenceClient groupClient(String group, MeterRegistry registry) {
    EasGroup g = eas.describeGroup(group);
    return InferenceClient.builder()
        .endpoint(g.internetEndpoint().orElseThrow())
        .token(g.accessToken().orElseThrow())
        .meterRegistry(registry)
        .build();
  }

  @Override
  public void close() {
    eas.close();
    pai.close();
    localPai.close();
  }
}
