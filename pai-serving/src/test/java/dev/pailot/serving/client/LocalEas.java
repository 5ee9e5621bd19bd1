package dev.pailot.serving.client;

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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EAS services on LocalPai, deployed with the raw CreateService JSON through the SDK's
 * control-plane pipeline (the typed EAS client comes later), and read back with DescribeService.
 */
final class LocalEas implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICES = "/api/v2/services";
  private static final String SERVICE = "/api/v2/services/{ClusterId}/{ServiceName}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final LocalPai localPai;
  final Pai pai;

  private LocalEas(LocalPai localPai) {
    this.localPai = localPai;
    this.pai = localPai.newClient();
  }

  /** LocalPai with one emulated minute lasting 20 ms, so replicas load within a second. */
  static LocalEas start() {
    return new LocalEas(
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build()));
  }

  /** A vLLM service serving {@code qwen} (Qwen2.5-0.5B on an A10) with engine env overrides. */
  static ObjectNode vllm(String name, Map<String, String> env) {
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
    return spec;
  }

  /** A service whose image decides what runs: an embedding, rerank or echo container. */
  static ObjectNode image(String name, String image, String script) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", name).put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    ObjectNode c = spec.putArray("containers").addObject().put("image", image).put("port", 8000);
    if (script != null) {
      c.put("script", script);
    }
    return spec;
  }

  void create(ObjectNode spec) {
    PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "CreateService", "POST", SERVICES, false))
                .rawBody(spec.toString())
                .build());
  }

  JsonNode describe(String name) {
    return PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.roa(Product.EAS, "DescribeService", "GET", SERVICE, true))
                .path("ClusterId", localPai.region())
                .path("ServiceName", name)
                .build())
        .body();
  }

  void awaitRunning(String name) {
    Await.until(() -> describe(name).path("Status").asText().equals("Running"), name + " Running");
  }

  String endpoint(String name) {
    return describe(name).path("InternetEndpoint").asText();
  }

  String token(String name) {
    return describe(name).path("AccessToken").asText();
  }

  /** A gauge or counter from the engine's {@code /metrics}, read through the gateway. */
  static double engineMetric(String endpoint, String token, String metric) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "/metrics"))
            .header("Authorization", token)
            .build();
    try {
      String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      Matcher m =
          Pattern.compile(
                  "^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
              .matcher(text);
      if (!m.find()) {
        throw new AssertionError(metric + " not in /metrics");
      }
      return Double.parseDouble(m.group(2));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    pai.close();
    localPai.close();
  }
}
