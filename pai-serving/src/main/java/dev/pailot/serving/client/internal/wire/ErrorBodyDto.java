package dev.pailot.serving.client.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP error body in any of the shapes engines use: OpenAI's {@code {"error": {...}}}, older
 * vLLM's flat {@code {"object": "error", "message", "type", "code"}}, or FastAPI's {@code
 * {"detail": ...}}.
 *
 * @param error the nested error
 * @param message the flat message
 * @param type the flat type
 * @param detail FastAPI's detail (a string or a list of problems)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBodyDto(ErrorDto error, String message, String type, JsonNode detail) {

  /**
   * The error, whichever shape carried it.
   *
   * @return the error, or {@code null} if the body names none
   */
  public ErrorDto resolve() {
    if (error != null) {
      return error;
    }
    if (message != null) {
      return new ErrorDto(message, type, null, null);
    }
    if (detail != null && !detail.isNull()) {
      return new ErrorDto(
          detail.isTextual() ? detail.asText() : detail.toString(), null, null, null);
    }
    return null;
  }
}
