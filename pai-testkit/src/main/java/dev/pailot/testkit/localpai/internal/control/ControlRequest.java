package dev.pailot.testkit.localpai.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One received control-plane request, independent of the HTTP stack: method, raw path, decoded
 * query, headers (names lower-case), body bytes and, once routed, the ROA path parameters.
 * Immutable.
 */
public final class ControlRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String method;
  private final String rawPath;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Map<String, String> pathParams;

  /**
   * Creates a request.
   *
   * @param method HTTP method
   * @param rawPath path as received (percent-encoded)
   * @param query decoded query parameters, first value per name
   * @param headers headers, any name case
   * @param body body bytes
   */
  public ControlRequest(
      String method,
      String rawPath,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body) {
    this(method, rawPath, query, lowerCase(headers), body, Map.of());
  }

  private ControlRequest(
      String method,
      String rawPath,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body,
      Map<String, String> pathParams) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.rawPath = rawPath.isEmpty() ? "/" : rawPath;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.pathParams = Map.copyOf(pathParams);
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    return Collections.unmodifiableMap(out);
  }

  /**
   * This request with path parameters bound by a ROA route.
   *
   * @param params decoded path parameters
   * @return a copy
   */
  public ControlRequest withPathParams(Map<String, String> params) {
    return new ControlRequest(method, rawPath, query, headers, body, params);
  }

  /**
   * Upper-case HTTP method.
   *
   * @return method
   */
  public String method() {
    return method;
  }

  /**
   * The path as received, percent-encoded.
   *
   * @return raw path
   */
  public String rawPath() {
    return rawPath;
  }

  /**
   * Decoded query parameters.
   *
   * @return query
   */
  public Map<String, String> query() {
    return query;
  }

  /**
   * Headers with lower-case names.
   *
   * @return headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * One header.
   *
   * @param name lower-case name
   * @return value or {@code null}
   */
  public String header(String name) {
    return headers.get(name);
  }

  /**
   * Body bytes (a copy is not made: do not modify).
   *
   * @return body
   */
  public byte[] body() {
    return body;
  }

  /**
   * Path parameters bound by a ROA route.
   *
   * @return path parameters
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * The API parameters as a typed reader: the query, plus the fields of a form-encoded body (an RPC
   * client may send parameters either way; the query wins when both name one).
   *
   * @return reader
   */
  public QueryParams params() {
    String type = headers.getOrDefault("content-type", "");
    if (body.length == 0 || !type.startsWith("application/x-www-form-urlencoded")) {
      return new QueryParams(query);
    }
    Map<String, String> merged = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      merged.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    merged.putAll(query);
    return new QueryParams(Collections.unmodifiableMap(merged));
  }

  /**
   * The JSON body as an object; an empty body is an empty object.
   *
   * @return body reader
   * @throws ServiceError {@code InvalidParameter} if the body is not a JSON object
   */
  public JsonBody json() {
    if (body.length == 0) {
      return new JsonBody(JSON.createObjectNode());
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode object) {
        return new JsonBody(object);
      }
    } catch (IOException e) {
      // fall through: answered as a client error, the body itself is never echoed
    }
    throw ServiceError.invalid("body", "the request body must be a JSON object");
  }
}
