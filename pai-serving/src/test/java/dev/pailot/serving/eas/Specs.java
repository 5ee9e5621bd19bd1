package dev.pailot.serving.eas;

import java.time.Duration;

/** Specs shared by the EAS tests. */
final class Specs {
  static final String VLLM = "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5";

  private Specs() {}

  /** A one-replica vLLM service serving Qwen2.5-0.5B from an OSS mount. */
  static ServiceSpec vllm(String name) {
    return ServiceSpec.builder()
        .metadata(
            ServiceMetadata.builder()
                .name(name)
                .instance(1)
                .rpcKeepalive(Duration.ofMinutes(10))
                .build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
        .addContainers(
            ContainerSpec.of(VLLM, 8000)
                .script("vllm serve /mnt/model --served-model-name qwen --max-num-seqs 64")
                .build())
        .addStorage(StorageMount.oss("oss://models/qwen2.5-0.5b-instruct/", "/mnt/model"))
        .build();
  }
}
