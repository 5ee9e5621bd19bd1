package dev.pailot.core.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;

/**
 * A successful control-plane response.
 *
 * @param statusCode HTTP status (2xx)
 * @param headers response headers, names lower-case
 * @param body JSON body, {@link MissingNode} when empty
 */
public record ApiResponse(int statusCode, Map<String, String> headers, JsonNode body) {

  /**
   * The request id from the body ({@code RequestId} or {@code requestId}) or header.
   *
   * @return request id or {@code null}
   */
  public String requestId() {
    for (String key : new String[] {"RequestId", "requestId"}) {
      JsonNode n = body.get(key);
      if (n != null && n.isTextual()) {
        return n.asText();
      }
    }
    return headers.get("x-acs-request-id");
  }
}
