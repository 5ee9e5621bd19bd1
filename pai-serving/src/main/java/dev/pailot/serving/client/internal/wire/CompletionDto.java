package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A chat or text completion, whole or one streamed chunk ({@code chat.completion}, {@code
 * chat.completion.chunk}, {@code text_completion}); a chunk may instead carry an {@code error}.
 *
 * @param id the answer id
 * @param model the model
 * @param choices the choices (empty on the usage chunk)
 * @param usage token usage, when reported
 * @param error an error reported in place of a chunk
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionDto(
    String id, String model, List<ChoiceDto> choices, UsageDto usage, ErrorDto error) {

  /**
   * The first choice, or {@code null} when there is none.
   *
   * @return the choice
   */
  public ChoiceDto firstChoice() {
    return choices == null || choices.isEmpty() ? null : choices.get(0);
  }
}
