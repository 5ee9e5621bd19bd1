package dev.pailot.serving.client;

import dev.pailot.core.Pai;
import dev.pailot.serving.eas.ComputingSpec;
import dev.pailot.serving.eas.ContainerSpec;
import dev.pailot.serving.eas.EasClient;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceMetadata;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.serving.eas.StorageMount;
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
 * EAS services on LocalPai, created through the typed {@link EasClient} (several at once, so their
 * replicas load together) and read back with DescribeService.
 */
final class LocalEas implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final LocalPai localPai;
  final Pai pai;
  private final EasClient eas;

  private LocalEas(LocalPai localPai) {
    this.localPai = localPai;
    this.pai = localPai.newClient();
    this.eas =
        EasClient.builder(pai).pollDelays(Duration.ofMillis(20), Duration.ofMillis(200)).build();
  }

  /** LocalPai with one emulated minute lasting 20 ms, so replicas load within a second. */
  static LocalEas start() {
    return new LocalEas(
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build()));
  }

  /** A vLLM service serving {@code qwen} (Qwen2.5-0.5B on an A10) with engine env overrides. */
  static ServiceSpec vllm(String name, Map<String, String> env) {
    return vllm(name, 256, env);
  }

  /** {@link #vllm(String, Map)} running at most {@code maxSeqs} sequences at once. */
  static ServiceSpec vllm(String name, int maxSeqs, Map<String, String> env) {
    return base(name)
        .addContainers(
            ContainerSpec.of(
                    "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5", 8000)
                .script("vllm serve /mnt/model --served-model-name qwen --max-num-seqs " + maxSeqs)
                .putAllEnv(env)
                .build())
        .addStorage(StorageMount.oss("oss://models/qwen2.5-0.5b-instruct/", "/mnt/model"))
        .build();
  }

  /** A service whose image decides what runs: an embedding, rerank or echo container. */
  static ServiceSpec image(String name, String image, String script) {
    return image(name, image, script, Map.of());
  }

  /** {@link #image(String, String, String)} with engine env overrides. */
  static ServiceSpec image(String name, String image, String script, Map<String, String> env) {
    ContainerSpec.Builder c = ContainerSpec.of(image, 8000).putAllEnv(env);
    if (script != null) {
      c.script(script);
    }
    return base(name).addContainers(c.build()).build();
  }

  private static ServiceSpec.Builder base(String name) {
    return ServiceSpec.builder()
        .metadata(ServiceMetadata.builder().name(name).instance(1).build())
        .computing(ComputingSpec.instanceType("ecs.gn7i-c8g1.2xlarge"));
  }

  void create(ServiceSpec spec) {
    eas.createService(spec);
  }

  EasService describe(String name) {
    return eas.describeService(name);
  }

  void awaitRunning(String name) {
    eas.awaitRunning(name, Duration.ofSeconds(60));
  }

  String endpoint(String name) {
    return describe(name).internetEndpoint().orElseThrow();
  }

  String token(String name) {
    return describe(name).accessToken().orElseThrow();
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
    eas.close();
    pai.close();
    localPai.close();
  }
}
