package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One choice: {@code delta} in chat chunks, {@code message} in whole chat answers, {@code text} in
 * text completions.
 *
 * @param index the choice index
 * @param delta the new message part (chat chunks)
 * @param message the whole message (chat answers)
 * @param text the text (text completions)
 * @param finishReason why generation ended, on the last chunk
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChoiceDto(
    int index,
    MessageDto delta,
    MessageDto message,
    String text,
    @JsonProperty("finish_reason") String finishReason) {

  /**
   * The text this choice adds, whichever field carries it.
   *
   * @return the text, or {@code null}
   */
  public String content() {
    if (delta != null) {
      return delta.content();
    }
    if (message != null) {
      return message.content();
    }
    return text;
  }
}
