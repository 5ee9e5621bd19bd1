package dev.pailot.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * vLLM services on LocalPai for observability tests, deployed with the raw CreateService JSON
 * through the SDK's control-plane pipeline, plus a plain load generator (JDK HttpClient) for tests
 * that only need the engine busy.
 */
public final class LocalEngines implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICES = "/api/v2/services";
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";

  private final LocalPai localPai;
  private final Pai pai;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalEngines(LocalPai localPai) {
    this.localPai = localPai;
    this.pai = localPai.newClient();
  }

  /** LocalPai with one emulated minute lasting 20 ms, so replicas load within a second. */
  public static LocalEngines start() {
    return new LocalEngines(
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build()));
  }

  /** The emulator, for fault injection. */
  public LocalPai localPai() {
    return localPai;
  }

  /** Deploys a vLLM service serving {@code qwen} (Qwen2.5-0.5B on an A10) and waits for it. */
  public void deployVllm(String name, Map<String, String> env) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    ObjectNode c = spec.putArray("containers").addObject();
    c.put("image", "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5");
    c.put("port", 8000);
    c.put("script", "vllm serve /mnt/model --served-model-name qwen --max-num-seqs 256");
    var envs = c.putArray("env");
    env.forEach((k, v) -> envs.addObject().put("name", k).put("value", v));
    spec.putArray("storage")
        .addObject()
        .put("mount_path", "/mnt/model")
        .putObject("oss")
        .put("path", "oss://models/qwen2.5-0.5b-instruct/");
    PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "CreateService", "POST", SERVICES, false))
                .rawBody(spec.toString())
                .build());
    Await.until(() -> describe(name).path("Status").asText().equals("Running"), name + " Running");
  }

  /** The service's endpoint, e.g. {@code http://127.0.0.1:port/api/predict/name}. */
  public String endpoint(String name) {
    return describe(name).path("InternetEndpoint").asText();
  }

  /** The service's access token. */
  public String token(String name) {
    return describe(name).path("AccessToken").asText();
  }

  /** Sends one non-streaming chat completion asking for {@code maxTokens} tokens. */
  public CompletableFuture<Integer> chat(String name, int maxTokens) {
    String body =
        "{\"model\":\"qwen\",\"max_tokens\":"
            + maxTokens
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint(name) + "/v1/chat/completions"))
            .header("Authorization", token(name))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
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

  @Override
  public void close() {
    pai.close();
    localPai.close();
  }
}
