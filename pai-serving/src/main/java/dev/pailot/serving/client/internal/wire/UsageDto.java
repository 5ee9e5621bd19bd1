package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OpenAI {@code usage}.
 *
 * @param promptTokens prompt tokens
 * @param completionTokens generated tokens
 * @param totalTokens their sum
 * @param promptTokensDetails details, with cached tokens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDto(
    @JsonProperty("prompt_tokens") int promptTokens,
    @JsonProperty("completion_tokens") int completionTokens,
    @JsonProperty("total_tokens") int totalTokens,
    @JsonProperty("prompt_tokens_details") PromptTokensDetailsDto promptTokensDetails) {

  /**
   * {@code prompt_tokens_details}.
   *
   * @param cachedTokens prompt tokens served from the prefix cache, or {@code null}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PromptTokensDetailsDto(@JsonProperty("cached_tokens") Integer cachedTokens) {}
}
