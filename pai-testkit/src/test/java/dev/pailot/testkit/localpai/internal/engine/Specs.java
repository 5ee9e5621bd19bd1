package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** EAS service specs for engine tests, built the way a user's deploy spec looks. */
final class Specs {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Fast steps so tests do not wait: 200 µs + 10 µs per sequence, 1 µs per prompt token. */
  static final Map<String, String> FAST =
      Map.of(
          "LOCALPAI_STEP_BASE_US", "200",
          "LOCALPAI_STEP_PER_SEQ_US", "10",
          "LOCALPAI_PREFILL_US_PER_TOKEN", "1");

  private Specs() {}

  static ObjectNode service(String image, String script, Map<String, String> env) {
    ObjectNode spec = JSON.createObjectNode();
    spec.putObject("metadata").put("name", "svc").put("instance", 1);
    spec.putObject("cloud").putObject("computing").put("instance_type", "ecs.gn7i-c8g1.2xlarge");
    ObjectNode c = spec.putArray("containers").addObject();
    c.put("image", image).put("port", 8000).put("script", script);
    ArrayNode envs = c.putArray("env");
    env.forEach((k, v) -> envs.addObject().put("name", k).put("value", v));
    return spec;
  }

  static ObjectNode vllm(String flags, Map<String, String> env) {
    return service(
        "eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/vllm:0.8.5",
        "vllm serve /models/qwen --served-model-name qwen " + flags,
        env);
  }

  static ObjectNode fastVllm(String flags) {
    return vllm(flags, FAST);
  }
}
