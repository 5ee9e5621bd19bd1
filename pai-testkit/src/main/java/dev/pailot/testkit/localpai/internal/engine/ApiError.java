package dev.pailot.testkit.localpai.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * An error answered in OpenAI's shape, {@code {"error":{"message","type","param","code"}}}, with
 * vLLM's type names ({@code BadRequestError}, {@code NotFoundError}) and the HTTP status as code.
 */
final class ApiError extends RuntimeException {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String type;
  private final String param;

  private ApiError(int status, String type, String message, String param) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
  }

  static ApiError badRequest(String message, String param) {
    return new ApiError(400, "BadRequestError", message, param);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "NotFoundError", message, null);
  }

  static ApiError unavailable(String message) {
    return new ApiError(503, "ServiceUnavailableError", message, null);
  }

  int status() {
    return status;
  }

  byte[] body() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", getMessage());
    error.put("type", type);
    error.put("param", param);
    error.put("code", status);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
