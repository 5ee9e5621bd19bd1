package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Jina / vLLM rerank answer.
 *
 * @param model the model
 * @param results scored documents, best first
 * @param usage token usage, when reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RerankDto(String model, List<ResultDto> results, UsageDto usage) {
  /**
   * One scored document.
   *
   * @param index the document's index
   * @param relevanceScore the score
   * @param document the document, as {@code {"text": ...}} or a plain string, when returned
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResultDto(
      int index, @JsonProperty("relevance_score") double relevanceScore, JsonNode document) {

    /**
     * The document text, whichever shape carried it.
     *
     * @return the text, or {@code null}
     */
    public String documentText() {
      if (document == null || document.isNull()) {
        return null;
      }
      return document.isTextual() ? document.asText() : document.path("text").asText(null);
    }
  }
}
