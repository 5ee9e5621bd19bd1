package dev.pailot.rag.pipeline;

import dev.pailot.core.Pai;
import dev.pailot.serving.client.EasInference;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A chat (vLLM, served as {@code qwen}), a slow chat (200 ms per engine step), an embedding
 * (bge-small) and a rerank (bge-reranker) service on LocalPai, created through the typed {@link
 * EasClient} (all four at once, so their replicas load together) and reached through the EAS
 * gateway with their own tokens via {@link EasInference}. A JUnit extension: register it on a
 * static field with {@code @RegisterExtension}, and it deploys before the class's tests and stops
 * after them.
 */
public final class LocalModels implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final String VLLM =
      "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5";

  private final List<InferenceClient> clients = new ArrayList<>();
  private LocalPai localPai;
  private Pai pai;
  private EasClient eas;

  private LocalModels() {}

  /**
   * The extension, for a static {@code @RegisterExtension} field.
   *
   * @return the services, deployed before the class's tests
   */
  public static LocalModels perClass() {
    return new LocalModels();
  }

  /**
   * Starts LocalPai and deploys the four services now, for a main class; the caller closes them.
   *
   * @return the running services
   */
  public static LocalModels start() {
    LocalModels m = new LocalModels();
    m.deploy();
    return m;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    deploy();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts LocalPai and deploys the four services, waiting until they run. */
  private synchronized void deploy() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    pai = localPai.newClient();
    eas = EasClient.builder(pai).pollDelays(Duration.ofMillis(20), Duration.ofMillis(200)).build();
    List<ServiceSpec> specs =
        List.of(
            service(
                "rag_chat",
                VLLM,
                "vllm serve /mnt/model --served-model-name qwen",
                "LOCALPAI_STEP_BASE_US",
                "300"),
            // 200 ms per engine step: the first token cannot come sooner.
            service(
                "rag_chat_slow",
                VLLM,
                "vllm serve /mnt/model --served-model-name qwen",
                "LOCALPAI_STEP_BASE_US",
                "200000"),
            service(
                "rag_embed",
                "ghcr.io/huggingface/text-embeddings-inference:1.5",
                "text-embeddings-router --model-id BAAI/bge-small-en-v1.5",
                "LOCALPAI_EMBEDDING_DIM",
                "384"),
            service(
                "rag_rerank",
                "registry/bge-reranker-v2-m3:1",
                "serve BAAI/bge-reranker-v2-m3",
                "LOCALPAI_POOLING_CALL_US",
                "2000"));
    specs.forEach(eas::createService);
    for (ServiceSpec s : specs) {
      eas.awaitRunning(s.metadata().name(), Duration.ofSeconds(60));
    }
  }

  private static ServiceSpec service(
      String name, String image, String script, String env, String value) {
    return ServiceSpec.builder()
        .metadata(ServiceMetadata.builder().name(name).instance(1).build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"))
        .addContainers(ContainerSpec.of(image, 8000).script(script).putEnv(env, value).build())
        .build();
  }

  /**
   * A client of one of the services ({@code rag_chat}, {@code rag_embed}, {@code rag_rerank}),
   * closed with this object.
   *
   * @param service the service name
   * @return the client
   */
  public InferenceClient client(String service) {
    return closedWithThis(EasInference.create(pai, service));
  }

  /**
   * A client of one of the services whose meters go to {@code registry}, closed with this object.
   *
   * @param service the service name
   * @param registry the client's meter registry
   * @return the client
   */
  public InferenceClient client(String service, MeterRegistry registry) {
    return closedWithThis(EasInference.builder(pai, service).meterRegistry(registry).build());
  }

  private synchronized InferenceClient closedWithThis(InferenceClient c) {
    clients.add(c);
    return c;
  }

  /**
   * The service's token, for secret-leak checks.
   *
   * @param service the service name
   * @return its token
   */
  public String token(String service) {
    return eas.describeService(service).accessToken().orElseThrow();
  }

  @Override
  public synchronized void close() {
    clients.forEach(InferenceClient::close);
    clients.clear();
    if (eas != null) {
      eas.close();
      pai.close();
      localPai.close();
    }
  }
}
