package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An OpenAI embedding answer.
 *
 * @param model the model
 * @param data one item per input
 * @param usage token usage
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingDto(String model, List<ItemDto> data, UsageDto usage) {
  /**
   * One embedding.
   *
   * @param index the input's index
   * @param embedding the vector
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ItemDto(int index, float[] embedding) {}
}
