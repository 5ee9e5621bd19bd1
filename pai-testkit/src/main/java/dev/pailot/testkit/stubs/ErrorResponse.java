package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One PAI error response: HTTP status, the JSON error body {@code {RequestId, HostId, Code,
 * Message, Recommend}} (or the lowercase {@code {requestId, code, message}} some ROA services use)
 * and extra headers such as {@code x-ratelimit-user-api}. Build with {@link ErrorBodies}; install
 * with {@link Faults#fail}.
 *
 * <p>Immutable and thread-safe; the {@code with*} methods return copies.
 */
public final class ErrorResponse {
  private final int status;
  private final String code;
  private final String message;
  private final String requestId;
  private final String hostId;
  private final boolean lowercaseKeys;
  private final Map<String, String> headers;

  private ErrorResponse(
      int status,
      String code,
      String message,
      String requestId,
      String hostId,
      boolean lowercaseKeys,
      Map<String, String> headers) {
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.message = Objects.requireNonNull(message, "message");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.hostId = Objects.requireNonNull(hostId, "hostId");
    this.lowercaseKeys = lowercaseKeys;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * An error with a fresh request id, PascalCase keys and no extra headers.
   *
   * @param status HTTP status, 400-599
   * @param code PAI error code, e.g. {@code InvalidParameter}
   * @param message PAI's message
   * @return the error
   */
  public static ErrorResponse of(int status, String code, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400-599, was " + status);
    }
    return new ErrorResponse(
        status, code, message, StubWiring.requestId(), "pai.mock.local", false, Map.of());
  }

  /**
   * The HTTP status.
   *
   * @return status
   */
  public int status() {
    return status;
  }

  /**
   * The error code.
   *
   * @return code
   */
  public String code() {
    return code;
  }

  /**
   * The message.
   *
   * @return message
   */
  public String message() {
    return message;
  }

  /**
   * The request id in the body and the {@code x-acs-request-id} header.
   *
   * @return request id
   */
  public String requestId() {
    return requestId;
  }

  /**
   * The {@code Recommend} diagnosis link (PascalCase bodies only).
   *
   * @return link
   */
  public String recommend() {
    return "https://api.aliyun.com/troubleshoot?q=" + code + "&requestId=" + requestId;
  }

  /**
   * Whether the body uses lowercase keys.
   *
   * @return lowercase keys
   */
  public boolean lowercaseKeys() {
    return lowercaseKeys;
  }

  /**
   * Extra response headers.
   *
   * @return headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * A copy whose body uses lowercase keys {@code {requestId, code, message}}, as some ROA services
   * answer.
   *
   * @return copy
   */
  public ErrorResponse withLowercaseKeys() {
    return new ErrorResponse(status, code, message, requestId, hostId, true, headers);
  }

  /**
   * A copy with this request id.
   *
   * @param id request id
   * @return copy
   */
  public ErrorResponse withRequestId(String id) {
    return new ErrorResponse(status, code, message, id, hostId, lowercaseKeys, headers);
  }

  /**
   * A copy with this {@code HostId}, e.g. {@code vpc.cn-shanghai.aliyuncs.com}.
   *
   * @param host host id
   * @return copy
   */
  public ErrorResponse withHostId(String host) {
    return new ErrorResponse(status, code, message, requestId, host, lowercaseKeys, headers);
  }

  /**
   * A copy with one more response header.
   *
   * @param name header name
   * @param value header value
   * @return copy
   */
  public ErrorResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ErrorResponse(status, code, message, requestId, hostId, lowercaseKeys, h);
  }

  /**
   * The JSON body text.
   *
   * @return body
   */
  public String body() {
    ObjectNode b = StubWiring.JSON.createObjectNode();
    if (lowercaseKeys) {
      b.put("requestId", requestId);
      b.put("code", code);
      b.put("message", message);
    } else {
      b.put("RequestId", requestId);
      b.put("HostId", hostId);
      b.put("Code", code);
      b.put("Message", message);
      b.put("Recommend", recommend());
    }
    return StubWiring.write(b);
  }

  /**
   * This error as a WireMock response, for hand-made stubs.
   *
   * @return a new response builder
   */
  public ResponseDefinitionBuilder toResponse() {
    ResponseDefinitionBuilder r =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json;charset=utf-8")
            .withHeader("x-acs-request-id", requestId)
            .withBody(body());
    headers.forEach(r::withHeader);
    return r;
  }

  @Override
  public String toString() {
    return "ErrorResponse{" + status + " " + code + ", requestId=" + requestId + "}";
  }
}
