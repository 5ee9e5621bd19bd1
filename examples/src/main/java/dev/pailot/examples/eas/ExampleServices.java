package dev.pailot.examples.eas;

import dev.pailot.core.Pai;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.DeployOptions;
import dev.pailot.serving.eas.Deployment;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
import java.time.Duration;
import java.util.Map;

/**
 * The EAS services the examples deploy on LocalPai (one A10 instance each), and the one way they
 * deploy them: {@link EasClient#deploy} with the default options, which returns once the service
 * runs and its own endpoint answers. Clients then come from {@code EasInference.create(pai, name)}.
 * Stateless.
 */
public final class ExampleServices {
  /** The vLLM image of PAI-EAS's registry. */
  public static final String VLLM_IMAGE =
      "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5";

  private static final String INSTANCE_TYPE = "ecs.gn7i-c8g1.2xlarge";

  private ExampleServices() {}

  /**
   * A vLLM service with the model's weights mounted from OSS at {@code /mnt/model}.
   *
   * @param name the service name
   * @param script the engine command line, e.g. {@code vllm serve /mnt/model --served-model-name
   *     qwen}
   * @param model the model directory in OSS (LocalPai's catalogue entry), e.g. {@code
   *     qwen2.5-0.5b-instruct}
   * @param env engine environment, e.g. LocalPai's step costs (docs/localpai.md)
   * @return the spec
   */
  public static ServiceSpec vllm(
      String name, String script, String model, Map<String, String> env) {
    return base(name)
        .addContainers(ContainerSpec.of(VLLM_IMAGE, 8000).script(script).putAllEnv(env).build())
        .addStorage(StorageMount.oss("oss://models/" + model + "/", "/mnt/model"))
        .build();
  }

  /**
   * A service whose image decides what runs: an embedding (TEI), rerank or echo container.
   *
   * @param name the service name
   * @param image the image
   * @param script the command line, e.g. {@code serve BAAI/bge-reranker-v2-m3}; empty for none
   * @return the spec
   */
  public static ServiceSpec container(String name, String image, String script) {
    ContainerSpec.Builder c = ContainerSpec.of(image, 8000);
    if (!script.isEmpty()) {
      c.script(script);
    }
    return base(name).addContainers(c.build()).build();
  }

  /**
   * Deploys a spec and waits until it serves, polling LocalPai every 20-200 ms.
   *
   * @param pai the client (pointed at LocalPai in the examples)
   * @param spec the spec
   * @return the deployment
   * @throws dev.pailot.core.error.PaiException if the deployment fails (see {@link
   *     EasClient#deploy})
   */
  public static Deployment deploy(Pai pai, ServiceSpec spec) {
    try (EasClient eas =
        EasClient.builder(pai).pollDelays(Duration.ofMillis(20), Duration.ofMillis(200)).build()) {
      return eas.deploy(spec, DeployOptions.defaults());
    }
  }

  private static ServiceSpec.Builder base(String name) {
    return ServiceSpec.builder()
        .metadata(ServiceMetadata.builder().name(name).instance(1).build())
        .computing(ComputingSpec.instanceType(INSTANCE_TYPE));
  }
}
