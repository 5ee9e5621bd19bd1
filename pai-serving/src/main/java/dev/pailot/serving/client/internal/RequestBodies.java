package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.ChatMessage;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.CompletionRequest;
import dev.pailot.serving.client.EmbeddingRequest;
import dev.pailot.serving.client.GenerationRequest;
import dev.pailot.serving.client.RerankRequest;
import java.util.Map;

/**
 * Writes request values as OpenAI-compatible JSON. Unset options are left out, so the engine's
 * defaults apply and strict servers see no unknown fields. Thread-safe.
 */
final class RequestBodies {
  private final ObjectMapper json;
  private final String defaultModel;

  RequestBodies(ObjectMapper json, String defaultModel) {
    this.json = json;
    this.defaultModel = defaultModel;
  }

  byte[] chat(ChatRequest r, boolean stream) {
    ObjectNode body = generation(r, stream);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : r.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    return finish(body, r.extraBody());
  }

  byte[] completion(CompletionRequest r, boolean stream) {
    ObjectNode body = generation(r, stream);
    body.put("prompt", r.prompt());
    return finish(body, r.extraBody());
  }

  byte[] embeddings(EmbeddingRequest r) {
    ObjectNode body = json.createObjectNode();
    model(body, r.model().orElse(null));
    ArrayNode input = body.putArray("input");
    r.inputs().forEach(input::add);
    r.dimensions().ifPresent(d -> body.put("dimensions", d));
    body.put("encoding_format", "float");
    return finish(body, r.extraBody());
  }

  byte[] rerank(RerankRequest r) {
    ObjectNode body = json.createObjectNode();
    model(body, r.model().orElse(null));
    body.put("query", r.query());
    ArrayNode documents = body.putArray("documents");
    r.documents().forEach(documents::add);
    r.topN().ifPresent(n -> body.put("top_n", n));
    body.put("return_documents", r.returnDocuments());
    return finish(body, r.extraBody());
  }

  private ObjectNode generation(GenerationRequest r, boolean stream) {
    ObjectNode body = json.createObjectNode();
    model(body, r.model().orElse(null));
    r.maxTokens().ifPresent(n -> body.put("max_tokens", n));
    r.temperature().ifPresent(t -> body.put("temperature", t));
    r.topP().ifPresent(p -> body.put("top_p", p));
    r.seed().ifPresent(s -> body.put("seed", s));
    if (!r.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      r.stop().forEach(stop::add);
    }
    r.priority().ifPresent(p -> body.put("priority", p));
    r.requestId().ifPresent(id -> body.put("request_id", id));
    r.cacheSalt().ifPresent(s -> body.put("cache_salt", s));
    if (stream) {
      body.put("stream", true);
      if (r.includeUsage()) {
        body.putObject("stream_options").put("include_usage", true);
      }
    }
    return body;
  }

  private void model(ObjectNode body, String model) {
    String m = model != null ? model : defaultModel;
    if (m != null) {
      body.put("model", m);
    }
  }

  private byte[] finish(ObjectNode body, Map<String, Object> extra) {
    try {
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        body.set(e.getKey(), json.valueToTree(e.getValue()));
      }
      return json.writeValueAsBytes(body);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw ValidationException.invalidField(
          "extraBody",
          "holds a value Jackson cannot write as JSON (" + e.getClass().getSimpleName() + ")",
          "use strings, numbers, booleans, lists, maps or JsonNodes");
    }
  }
}
