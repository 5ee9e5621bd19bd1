package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The {@code GET /v1/models} answer: the one served model, as vLLM lists it. */
final class ModelList {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelList() {}

  static byte[] of(EngineConfig config) {
    ObjectNode root = JSON.createObjectNode().put("object", "list");
    ObjectNode m = root.putArray("data").addObject();
    m.put("id", config.servedModelName());
    m.put("object", "model");
    m.put("created", System.currentTimeMillis() / 1000);
    m.put("owned_by", config.kind().generates() ? "vllm" : "localpai");
    m.put("root", config.model().name());
    m.putNull("parent");
    m.put("max_model_len", config.maxModelLen());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
