package dev.pailot.testkit.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request the mock server received, with accessors and fluent assertions:
 *
 * <pre>{@code
 * stubs.calls().single("CreateVpc")
 *     .assertMethod("POST").assertPath("/")
 *     .assertAction("CreateVpc").assertVersion("2016-04-28")
 *     .assertQueryParam("CidrBlock", "10.0.0.0/16")
 *     .assertEmptyBody()
 *     .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
 * }</pre>
 *
 * <p>Every {@code assert*} method throws {@link AssertionError} naming what differed, and returns
 * {@code this} otherwise. Immutable and thread-safe.
 */
public final class RecordedCall {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})");
  private static final List<String> REQUIRED_SIGNED_HEADERS =
      List.of(
          "host",
          "x-acs-action",
          "x-acs-content-sha256",
          "x-acs-date",
          "x-acs-signature-nonce",
          "x-acs-version");

  private final LoggedRequest request;
  private final Map<String, String> query;

  /**
   * Wraps a request recorded by WireMock.
   *
   * @param request the recorded request
   */
  public RecordedCall(LoggedRequest request) {
    this.request = Objects.requireNonNull(request, "request");
    this.query = Collections.unmodifiableMap(parseQuery(request.getUrl()));
  }

  /**
   * The recorded WireMock request.
   *
   * @return request
   */
  public LoggedRequest raw() {
    return request;
  }

  /**
   * The HTTP method, e.g. {@code POST}.
   *
   * @return method
   */
  public String method() {
    return request.getMethod().getName();
  }

  /**
   * The path as sent, still percent-encoded, e.g. {@code /api/v1/workspaces/my%20ws}.
   *
   * @return raw path
   */
  public String path() {
    String url = request.getUrl();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * The decoded query parameters, in the order sent (first value of repeated names).
   *
   * @return query parameters
   */
  public Map<String, String> query() {
    return query;
  }

  /**
   * One decoded query parameter.
   *
   * @param name name
   * @return value
   */
  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /**
   * A header value (case-insensitive name).
   *
   * @param name header name
   * @return value
   */
  public Optional<String> header(String name) {
    return request.containsHeader(name)
        ? Optional.ofNullable(request.getHeader(name))
        : Optional.empty();
  }

  /**
   * The {@code x-acs-action} header.
   *
   * @return action, or empty string
   */
  public String action() {
    return header("x-acs-action").orElse("");
  }

  /**
   * The body as UTF-8 text.
   *
   * @return body, empty string when none
   */
  public String body() {
    byte[] b = request.getBody();
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /**
   * The body parsed as JSON.
   *
   * @return JSON tree
   * @throws AssertionError if the body is not JSON
   */
  public JsonNode jsonBody() {
    try {
      return JSON.readTree(body());
    } catch (JsonProcessingException e) {
      throw new AssertionError(describe() + ": body is not JSON", e);
    }
  }

  /**
   * Asserts the HTTP method.
   *
   * @param expected e.g. {@code GET}
   * @return this
   */
  public RecordedCall assertMethod(String expected) {
    return check(expected.equalsIgnoreCase(method()), "method", expected, method());
  }

  /**
   * Asserts the raw (percent-encoded) path.
   *
   * @param expected e.g. {@code /api/v1/workspaces/my%20ws}
   * @return this
   */
  public RecordedCall assertPath(String expected) {
    return check(expected.equals(path()), "path", expected, path());
  }

  /**
   * Asserts one decoded query parameter.
   *
   * @param name name
   * @param expected decoded value
   * @return this
   */
  public RecordedCall assertQueryParam(String name, String expected) {
    return check(
        expected.equals(query.get(name)), "query parameter " + name, expected, query.get(name));
  }

  /**
   * Asserts that a query parameter is absent.
   *
   * @param name name
   * @return this
   */
  public RecordedCall assertNoQueryParam(String name) {
    return check(!query.containsKey(name), "query parameter " + name, "<absent>", query.get(name));
  }

  /**
   * Asserts the exact set of decoded query parameters (order ignored).
   *
   * @param expected all parameters
   * @return this
   */
  public RecordedCall assertQuery(Map<String, String> expected) {
    return check(expected.equals(query), "query", expected, query);
  }

  /**
   * Asserts a header value.
   *
   * @param name header name
   * @param expected value
   * @return this
   */
  public RecordedCall assertHeader(String name, String expected) {
    String actual = header(name).orElse(null);
    return check(expected.equals(actual), "header " + name, expected, actual);
  }

  /**
   * Asserts the {@code x-acs-action} header.
   *
   * @param expected e.g. {@code CreateVpc}
   * @return this
   */
  public RecordedCall assertAction(String expected) {
    return assertHeader("x-acs-action", expected);
  }

  /**
   * Asserts the {@code x-acs-version} header.
   *
   * @param expected e.g. {@code 2016-04-28}
   * @return this
   */
  public RecordedCall assertVersion(String expected) {
    return assertHeader("x-acs-version", expected);
  }

  /**
   * Asserts that the body is JSON equal to {@code expectedJson} (same fields and values, any key
   * order) and that {@code content-type} is {@code application/json}.
   *
   * @param expectedJson expected JSON text
   * @return this
   */
  public RecordedCall assertJsonBody(String expectedJson) {
    JsonNode expected;
    try {
      expected = JSON.readTree(expectedJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("expected JSON does not parse", e);
    }
    String type = header("content-type").orElse("");
    check(type.startsWith("application/json"), "content-type", "application/json...", type);
    return check(expected.equals(jsonBody()), "JSON body", expected, jsonBody());
  }

  /**
   * Asserts that no body was sent, as for RPC calls.
   *
   * @return this
   */
  public RecordedCall assertEmptyBody() {
    return check(body().isEmpty(), "body", "<empty>", body());
  }

  /**
   * Asserts the shape of a V3 signature: {@code Authorization: ACS3-HMAC-SHA256
   * Credential=<accessKeyId>,SignedHeaders=<list>,Signature=<64 hex>}, with {@code host} and the
   * {@code x-acs-*} headers among the signed ones (plus {@code content-type} when a body is sent),
   * and {@code x-acs-content-sha256} equal to the SHA-256 of the body.
   *
   * <p>This does not recompute the signature: that needs the secret and the canonical request.
   *
   * @param accessKeyId the expected AccessKey id
   * @return this
   */
  public RecordedCall assertSignedBy(String accessKeyId) {
    String auth = header("Authorization").orElse("");
    Matcher m = AUTHORIZATION.matcher(auth);
    check(m.matches(), "Authorization", "ACS3-HMAC-SHA256 Credential=...", auth);
    check(accessKeyId.equals(m.group(1)), "Authorization credential", accessKeyId, m.group(1));
    List<String> signed = Arrays.asList(m.group(2).split(";"));
    for (String required : REQUIRED_SIGNED_HEADERS) {
      check(signed.contains(required), "signed headers", "to contain " + required, signed);
    }
    if (!body().isEmpty()) {
      check(signed.contains("content-type"), "signed headers", "to contain content-type", signed);
    }
    String hash = sha256Hex(request.getBody() == null ? new byte[0] : request.getBody());
    String sent = header("x-acs-content-sha256").orElse(null);
    return check(hash.equals(sent), "x-acs-content-sha256", hash, sent);
  }

  /**
   * The headers listed in {@code SignedHeaders}, in order.
   *
   * @return signed header names, empty if the request has no V3 {@code Authorization}
   */
  public List<String> signedHeaders() {
    Matcher m = AUTHORIZATION.matcher(header("Authorization").orElse(""));
    return m.matches() ? List.of(m.group(2).split(";")) : List.of();
  }

  /**
   * The {@code Signature} of the {@code Authorization} header.
   *
   * @return lowercase hex signature, or empty
   */
  public Optional<String> signature() {
    Matcher m = AUTHORIZATION.matcher(header("Authorization").orElse(""));
    return m.matches() ? Optional.of(m.group(3)) : Optional.empty();
  }

  /**
   * A short description for messages: method, path and action. Never includes headers or body.
   *
   * @return description
   */
  public String describe() {
    return method() + " " + path() + " (" + action() + ")";
  }

  @Override
  public String toString() {
    return "RecordedCall{" + describe() + "}";
  }

  private RecordedCall check(boolean ok, String what, Object expected, Object actual) {
    if (!ok) {
      throw new AssertionError(
          describe() + ": expected " + what + " " + expected + " but was " + actual);
    }
    return this;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Map<String, String> parseQuery(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0 || q == url.length() - 1) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
