package dev.pailot.examples.load;

import dev.pailot.core.Pai;
import dev.pailot.examples.eas.ExampleServices;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.ServiceSpec;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedded LocalPai with one EAS service deployed through the typed EAS client ({@link
 * ExampleServices#deploy}): a vLLM engine, or an echo container for raw predict. The endpoint and
 * token come from the deployed service's description, as they would on PAI.
 */
public final class LocalLlm implements AutoCloseable {
  private final LocalPai localPai;
  private final Pai pai;
  private final String name;
  private final String endpoint;
  private final String token;

  private LocalLlm(LocalPai localPai, Pai pai, EasService service) {
    this.localPai = localPai;
    this.pai = pai;
    this.name = service.name();
    this.endpoint = service.internetEndpoint().orElseThrow();
    this.token = service.accessToken().orElseThrow();
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
    return start(ExampleServices.vllm(name, script + " --served-model-name qwen", model, env));
  }

  /**
   * Starts LocalPai and deploys an echo container for raw predict calls.
   *
   * @param name the service name
   * @return the running service
   */
  public static LocalLlm startEcho(String name) {
    return start(
        ExampleServices.container(
            name, "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/echo:1.0", ""));
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

  private static LocalLlm start(ServiceSpec spec) {
    LocalPai localPai =
        LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(20)).build());
    Pai pai = localPai.newClient();
    try {
      return new LocalLlm(localPai, pai, ExampleServices.deploy(pai, spec).service());
    } catch (RuntimeException e) {
      pai.close();
      localPai.close();
      throw e;
    }
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
