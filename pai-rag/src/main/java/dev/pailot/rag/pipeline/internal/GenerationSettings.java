package dev.pailot.rag.pipeline.internal;

import dev.pailot.rag.assemble.Prompt;
import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;

/**
 * How answers are generated: the chat model behind an inference client.
 *
 * @param client the inference client (shared, not owned)
 * @param model the served model name
 * @param maxTokens answer length limit, or {@code null} for the engine's default
 * @param temperature sampling temperature, or {@code null} for the engine's default
 */
public record GenerationSettings(
    InferenceClient client, String model, Integer maxTokens, Double temperature) {
  /**
   * The chat request for a prompt.
   *
   * @param prompt the assembled prompt
   * @return the request
   */
  public ChatRequest request(Prompt prompt) {
    ChatRequest.Builder b =
        ChatRequest.builder().model(model).system(prompt.system()).user(prompt.user());
    if (maxTokens != null) {
      b.maxTokens(maxTokens);
    }
    if (temperature != null) {
      b.temperature(temperature);
    }
    return b.build();
  }
}
