package dev.pailot.serving.client;

import mockwebserver3.MockResponse;

/** Raw SSE bodies as vLLM writes them, for MockWebServer. */
final class Sse {
  private Sse() {}

  static String event(String json) {
    return "data: " + json + "\n\n";
  }

  static String chunk(String content) {
    return event(
        "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + content
            + "\"},\"finish_reason\":null}]}");
  }

  static String role() {
    return event(
        "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"finish_reason\":null}]}");
  }

  static String finish(String content, String reason) {
    return event(
        "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + content
            + "\"},\"finish_reason\":\""
            + reason
            + "\"}]}");
  }

  static String usage(int prompt, int completion, int cached) {
    return event(
        "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":"
            + prompt
            + ",\"completion_tokens\":"
            + completion
            + ",\"total_tokens\":"
            + (prompt + completion)
            + ",\"prompt_tokens_details\":{\"cached_tokens\":"
            + cached
            + "}}}");
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  /** A complete answer: role, three words, finish, usage, done. */
  static String answer() {
    return role()
        + chunk(" Hello")
        + chunk(" from")
        + finish(" PAI", "stop")
        + usage(12, 3, 8)
        + done();
  }

  static MockResponse.Builder stream(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream")
        .body(body);
  }

  static MockResponse.Builder json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body);
  }

  /** A whole (non-streamed) chat answer. */
  static String wholeAnswer(String text) {
    return "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"model\":\"qwen\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + text
        + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
  }
}
