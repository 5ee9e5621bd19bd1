package dev.pailot.examples.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedded LocalPai with one EAS service deployed from raw CreateService JSON: a vLLM engine, or
 * an echo container for raw predict. Deployed through the SDK's control-plane pipeline (the typed
 * EAS client is a later issue), so the endpoint and token come from DescribeService as they would
 * on PAI.
 */
public final class LocalLlm implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICES = "/api/v2/services";
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final LocalPai localPai;
  private final Pai pai;
  private final String name;
  private final String endpoint;
  private final String token;

  private LocalLlm(LocalPai localPai, Pai pai, String name) {
    this.localPai = localPai;
    this.pai = pai;
    this.name = name;
    JsonNode service = describe();
    this.endpoint = service.path("InternetEndpoint").asText();
    this.token = service.path("AccessToken").asText();
  }

  /**
   * Starts LocalPai and deploys a vLLM service serving {@code qwen}; returns once it is Running.
   *
   * @param name the service name
   * @param script the engine command line, e.g. {@code vllm serve /mnt/model --max-num-seqs 64}
   * @param model the model directory name in OSS (the catalogue entry), e.g. {@code
   *     qwen2.5-7b-instruct}
   * @param env engine environment (step costs, see docs/localpai.md)
   * @return the running service
   */
  public static LocalLlm startVllm(
      String name, String script, String model, Map<String, String> env) {
    ObjectNode spec = base(name);
    ObjectNode c = (ObjectNode) spec.path("containers").get(0);
    c.put("image", "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5");
    c.put("script", script + " --served-model-name qwen");
    ArrayNode envs = c.putArray("env");
    env.forEach((k, v) -> envs.addObject().put("name", k).put("value", v));
    spec.putArray("storage")
        .addObject()
        .put("mount_path", "/mnt/model")
        .putObject("oss")
        .put("path", "oss://models/" + model + "/");
    return start(name, spec);
  }

  /**
   * Starts LocalPai and deploys an echo container for raw predict calls.
   *
   * @param name the service name
   * @return the running service
   */
  public static LocalLlm startEcho(String name) {
    ObjectNode spec = base(name);
    ((ObjectNode) spec.path("containers").get(0))
        .put("image", "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/echo:1.0");
    return start(name, spec);
  }

  /**
   * Default engine step costs (docs/localpai.md): 8 ms + 60 µs per sequence, 150 µs/prompt token.
   */
  public static Map<String, String> defaultCosts() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LOCALPAI_STEP_BASE_US", "8000");
    env.put("LOCALPAI_STEP_PER_SEQ_US", "60");
    env.put("LOCALPAI_PREFILL_US_PER_TOKEN", "150");
    return env;
  }

  private static ObjectNode base(String name) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    spec.putArray("containers").addObject().put("port", 8000);
    return spec;
  }

  private static LocalLlm start(String name, ObjectNode spec) {
    LocalPai localPai =
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    Pai pai = localPai.newClient();
    try {
      PaiRuntime.of(pai)
          .call(
              ApiRequest.of(Operation.roa(Product.EAS, "CreateService", "POST", SERVICES, false))
                  .rawBody(spec.toString())
                  .build());
      awaitRunning(pai, localPai, name);
      return new LocalLlm(localPai, pai, name);
    } catch (RuntimeException e) {
      pai.close();
      localPai.close();
      throw e;
    }
  }

  private static void awaitRunning(Pai pai, LocalPai localPai, String name) {
    Instant until = Instant.now().plusSeconds(60);
    while (!describe(pai, localPai, name).path("Status").asText().equals("Running")) {
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("service " + name + " did not reach Running in 60 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + name, e);
      }
    }
  }

  private JsonNode describe() {
    return describe(pai, localPai, name);
  }

  private static JsonNode describe(Pai pai, LocalPai localPai, String name) {
    return PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "DescribeService", "GET", SERVICE, true))
                .path("ClusterId", localPai.region())
                .path("ServiceName", name)
                .build())
        .body();
  }

  /**
   * The service endpoint on LocalPai's gateway: {@code http://127.0.0.1:<port>/api/predict/<name>}.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The service's access token (a LocalPai test token).
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * LocalPai's own address (host and port, no scheme), for clients that take a host.
   *
   * @return {@code 127.0.0.1:<port>}
   */
  public String gatewayHost() {
    return localPai.endpoint().getHost() + ":" + localPai.port();
  }

  /**
   * The service name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    pai.close();
    localPai.close();
  }

  @Override
  public String toString() {
    return "LocalLlm[" + name + " at " + endpoint + "]";
  }
}
