package dev.pailot.rag.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat (vLLM, served as {@code qwen}), a slow chat (200 ms per engine step), an embedding
 * (bge-small) and a rerank (bge-reranker) service on LocalPai, deployed with the raw CreateService
 * JSON (the typed EAS client is another branch's work), each reached through the EAS gateway with
 * its own token.
 */
public final class LocalModels implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICES = "/api/v2/services";
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final LocalPai localPai;
  private final Pai pai;
  private final List<InferenceClient> clients = new ArrayList<>();

  private LocalModels() {
    this.localPai =
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    this.pai = localPai.newClient();
  }

  /**
   * Starts LocalPai and deploys the three services, waiting until they run.
   *
   * @return the services
   */
  public static LocalModels start() {
    LocalModels m = new LocalModels();
    m.create(
        service(
            "rag_chat",
            "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5",
            "vllm serve /mnt/model --served-model-name qwen",
            "LOCALPAI_STEP_BASE_US",
            "300"));
    // 200 ms per engine step: the first token cannot come sooner.
    m.create(
        service(
            "rag_chat_slow",
            "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5",
            "vllm serve /mnt/model --served-model-name qwen",
            "LOCALPAI_STEP_BASE_US",
            "200000"));
    m.create(
        service(
            "rag_embed",
            "ghcr.io/huggingface/text-embeddings-inference:1.5",
            "text-embeddings-router --model-id BAAI/bge-small-en-v1.5",
            "LOCALPAI_EMBEDDING_DIM",
            "384"));
    m.create(
        service(
            "rag_rerank",
            "registry/bge-reranker-v2-m3:1",
            "serve BAAI/bge-reranker-v2-m3",
            "LOCALPAI_POOLING_CALL_US",
            "2000"));
    for (String s : List.of("rag_chat", "rag_chat_slow", "rag_embed", "rag_rerank")) {
      m.awaitRunning(s);
    }
    return m;
  }

  private static ObjectNode service(
      String name, String image, String script, String env, String value) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    ObjectNode c = spec.putArray("containers").addObject().put("image", image).put("port", 8000);
    c.put("script", script);
    c.putArray("env").addObject().put("name", env).put("value", value);
    return spec;
  }

  private void create(ObjectNode spec) {
    PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "CreateService", "POST", SERVICES, false))
                .rawBody(spec.toString())
                .build());
  }

  private JsonNode describe(String name) {
    return PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "DescribeService", "GET", SERVICE, true))
                .path("ClusterId", localPai.region())
                .path("ServiceName", name)
                .build())
        .body();
  }

  private void awaitRunning(String name) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!describe(name).path("Status").asText().equals("Running")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " never ran");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * A client of one of the services ({@code rag_chat}, {@code rag_embed}, {@code rag_rerank}),
   * closed with this object.
   *
   * @param service the service name
   * @return the client
   */
  public synchronized InferenceClient client(String service) {
    JsonNode d = describe(service);
    InferenceClient c =
        InferenceClient.builder()
            .endpoint(d.path("InternetEndpoint").asText())
            .token(d.path("AccessToken").asText())
            .build();
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
    return describe(service).path("AccessToken").asText();
  }

  @Override
  public synchronized void close() {
    clients.forEach(InferenceClient::close);
    pai.close();
    localPai.close();
  }
}
