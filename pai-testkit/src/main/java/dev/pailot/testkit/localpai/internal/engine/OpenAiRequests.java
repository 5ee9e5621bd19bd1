package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads and validates OpenAI chat and completion requests as vLLM does: unknown fields are ignored,
 * wrong types and impossible limits are 400s with vLLM's messages, and a {@code model} other than
 * the served one is a 404.
 */
final class OpenAiRequests {
  private final EngineConfig config;

  OpenAiRequests(EngineConfig config) {
    this.config = config;
  }

  GenerationRequest parse(JsonNode body, boolean chat, String headerRequestId) {
    if (!body.isObject()) {
      throw ApiError.badRequest("The request body must be a JSON object.", null);
    }
    String model = checkModel(body.path("model"));
    StringBuilder prompt = new StringBuilder();
    int promptTokens = chat ? messages(body.path("messages"), prompt) : prompt(body, prompt);
    int maxTokens = maxTokens(body, promptTokens);
    int minTokens = integer(body, "min_tokens", 0);
    if (minTokens < 0 || minTokens > maxTokens) {
      throw ApiError.badRequest(
          "min_tokens must be between 0 and max_tokens=" + maxTokens + ", got " + minTokens + ".",
          "min_tokens");
    }
    boolean stream = bool(body, "stream");
    JsonNode options = body.path("stream_options");
    if (!options.isMissingNode() && !options.isNull() && !stream) {
      throw ApiError.badRequest(
          "Stream options can only be defined when `stream=True`.", "stream_options");
    }
    if (integer(body, "n", 1) != 1) {
      throw ApiError.badRequest("LocalPai's engine supports only n=1.", "n");
    }
    JsonNode seed = body.path("seed");
    return new GenerationRequest(
        chat,
        requestId(body, headerRequestId),
        model,
        prompt.toString(),
        promptTokens,
        maxTokens,
        minTokens,
        stops(body.path("stop")),
        number(body, "temperature", 1.0),
        seed.isIntegralNumber() ? OptionalLong.of(seed.asLong()) : OptionalLong.empty(),
        stream,
        bool(options, "include_usage"),
        integer(body, "priority", 0),
        bool(body, "ignore_eos"));
  }

  private String checkModel(JsonNode model) {
    if (model.isMissingNode() || model.isNull()) {
      return config.servedModelName();
    }
    if (!model.asText().equals(config.servedModelName())) {
      throw ApiError.notFound("The model `" + model.asText() + "` does not exist.");
    }
    return model.asText();
  }

  private static int messages(JsonNode messages, StringBuilder prompt) {
    if (!messages.isArray() || messages.isEmpty()) {
      throw ApiError.badRequest("messages must be a non-empty list.", "messages");
    }
    int tokens = TokenEstimate.ASSISTANT_PREFIX;
    for (JsonNode m : messages) {
      if (!m.path("role").isTextual()) {
        throw ApiError.badRequest("Each message needs a string role.", "messages");
      }
      int start = prompt.length();
      JsonNode content = m.path("content");
      if (content.isArray()) {
        content.forEach(part -> prompt.append(part.path("text").asText("")));
      } else {
        prompt.append(content.asText(""));
      }
      tokens +=
          TokenEstimate.PER_MESSAGE + TokenEstimate.of(prompt.subSequence(start, prompt.length()));
      prompt.append('\n');
    }
    return tokens;
  }

  private static int prompt(JsonNode body, StringBuilder prompt) {
    JsonNode p = body.path("prompt");
    if (p.isArray() && p.size() == 1 && p.get(0).isTextual()) {
      p = p.get(0);
    }
    if (p.isTextual()) {
      prompt.append(p.asText());
      return TokenEstimate.of(p.asText());
    }
    if (p.isArray() && !p.isEmpty() && p.get(0).isIntegralNumber()) {
      p.forEach(id -> prompt.append(id.asInt()).append(' '));
      return p.size();
    }
    throw ApiError.badRequest(
        "prompt must be a string, a list of one string, or a list of token ids.", "prompt");
  }

  private int maxTokens(JsonNode body, int promptTokens) {
    int limit = config.maxModelLen();
    if (promptTokens >= limit) {
      throw ApiError.badRequest(
          "This model's maximum context length is "
              + limit
              + " tokens. However, your request has "
              + promptTokens
              + " input tokens. Please reduce the length of the input messages.",
          "messages");
    }
    JsonNode requested = body.path("max_completion_tokens");
    if (requested.isMissingNode() || requested.isNull()) {
      requested = body.path("max_tokens");
    }
    if (requested.isMissingNode() || requested.isNull()) {
      return Math.min(config.profile().defaultMaxTokens(), limit - promptTokens);
    }
    int max = requested.asInt();
    if (!requested.isIntegralNumber() || max < 1) {
      throw ApiError.badRequest(
          "max_tokens must be at least 1, got " + requested + ".", "max_tokens");
    }
    if (promptTokens + max > limit) {
      throw ApiError.badRequest(
          "This model's maximum context length is "
              + limit
              + " tokens. However, you requested "
              + (promptTokens + max)
              + " tokens ("
              + promptTokens
              + " in the messages, "
              + max
              + " in the completion). Please reduce the length of the messages or completion.",
          "max_tokens");
    }
    return max;
  }

  private static List<String> stops(JsonNode stop) {
    List<String> out = new ArrayList<>();
    if (stop.isTextual()) {
      out.add(stop.asText());
    } else if (stop.isArray()) {
      stop.forEach(s -> out.add(s.asText()));
    } else if (!stop.isMissingNode() && !stop.isNull()) {
      throw ApiError.badRequest("stop must be a string or a list of strings.", "stop");
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  private static String requestId(JsonNode body, String header) {
    if (body.path("request_id").isTextual()) {
      return body.path("request_id").asText();
    }
    if (header != null && !header.isBlank()) {
      return header;
    }
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static int integer(JsonNode body, String field, int dflt) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber()) {
      throw ApiError.badRequest(field + " must be an integer, got " + v + ".", field);
    }
    return v.asInt();
  }

  private static double number(JsonNode body, String field, double dflt) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber() || v.asDouble() < 0) {
      throw ApiError.badRequest(field + " must be a non-negative number, got " + v + ".", field);
    }
    return v.asDouble();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw ApiError.badRequest(field + " must be a boolean, got " + v + ".", field);
    }
    return v.asBoolean();
  }
}
