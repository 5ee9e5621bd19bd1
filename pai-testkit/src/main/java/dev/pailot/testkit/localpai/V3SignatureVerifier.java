package dev.pailot.testkit.localpai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Alibaba Cloud {@code ACS3-HMAC-SHA256} (V3) request signatures, written from the
 * specification in {@code PAI_API.md} §6.2 and independent of the SDK's signing code.
 *
 * <p>The canonical request is {@code METHOD \n URI \n QUERY \n HEADERS \n SIGNED_HEADERS \n
 * HASHED_PAYLOAD}, where QUERY is the percent-encoded query sorted by name, HEADERS lists the
 * headers named in the {@code Authorization} header (lower-case, sorted, values trimmed, each line
 * ending in {@code \n}) and HASHED_PAYLOAD is {@code x-acs-content-sha256}, which must also equal
 * the SHA-256 of the received body. The signature is the hex HMAC-SHA256, keyed by the AccessKey
 * secret, of {@code ACS3-HMAC-SHA256 \n hex(SHA-256(canonical request))}.
 *
 * <p>Besides the signature it checks that {@code host} and every {@code x-acs-*} header sent are
 * covered by the signature, as the official clients do. It does not check the clock or nonce reuse:
 * that needs state, so LocalPai does it around this class.
 *
 * <p>Usable on any HTTP stack (LocalPai, WireMock request listeners): pass the raw path, decoded
 * query values and the headers. Immutable and thread-safe. Results never contain the secret.
 */
public final class V3SignatureVerifier {
  /** The only algorithm verified. */
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";

  private static final HexFormat HEX = HexFormat.of();

  private final Function<String, Optional<String>> secrets;

  private V3SignatureVerifier(Function<String, Optional<String>> secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /**
   * A verifier that looks secrets up by AccessKey id.
   *
   * @param secretsByAccessKeyId returns the secret for an id, or empty for an unknown id
   * @return the verifier
   */
  public static V3SignatureVerifier forSecrets(
      Function<String, Optional<String>> secretsByAccessKeyId) {
    return new V3SignatureVerifier(secretsByAccessKeyId);
  }

  /**
   * A verifier that accepts exactly one AccessKey pair.
   *
   * @param accessKeyId the AccessKey id
   * @param accessKeySecret the AccessKey secret
   * @return the verifier
   */
  public static V3SignatureVerifier forKey(String accessKeyId, String accessKeySecret) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    return new V3SignatureVerifier(
        id -> accessKeyId.equals(id) ? Optional.of(accessKeySecret) : Optional.empty());
  }

  /**
   * Verifies one received request.
   *
   * @param method HTTP method, e.g. {@code POST}
   * @param rawPath the path as received, still percent-encoded, e.g. {@code /api/v1/jobs/dlc%201}
   * @param query decoded query parameters (one value per name)
   * @param headers received headers; names in any case
   * @param body the received body bytes ({@code null} or empty when there is none)
   * @return the outcome; {@link Result#valid()} tells whether to accept the request
   */
  public Result verify(
      String method,
      String rawPath,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body) {
    Map<String, String> lower = lowerCaseNames(headers);
    String authorization = lower.get("authorization");
    if (authorization == null || authorization.isBlank()) {
      return Result.of(Outcome.MISSING_AUTHORIZATION, null, "the Authorization header is missing");
    }
    Optional<AcsAuthorization> parsed = AcsAuthorization.parse(authorization);
    if (parsed.isEmpty()) {
      return Result.of(
          Outcome.MALFORMED_AUTHORIZATION,
          null,
          "the Authorization header is not 'ACS3-... Credential=..,SignedHeaders=..,Signature=..'");
    }
    AcsAuthorization auth = parsed.get();
    if (!ALGORITHM.equals(auth.algorithm())) {
      return Result.of(
          Outcome.UNSUPPORTED_ALGORITHM,
          auth.accessKeyId(),
          "algorithm " + auth.algorithm() + " is not supported; use " + ALGORITHM);
    }
    Optional<String> secret = secrets.apply(auth.accessKeyId());
    if (secret.isEmpty()) {
      return Result.of(Outcome.UNKNOWN_ACCESS_KEY, auth.accessKeyId(), "unknown AccessKey id");
    }
    Optional<Result> coverage = checkCoverage(auth, lower);
    if (coverage.isPresent()) {
      return coverage.get();
    }
    String declaredHash = lower.get("x-acs-content-sha256");
    String actualHash = sha256Hex(body == null ? new byte[0] : body);
    if (!actualHash.equals(declaredHash)) {
      return Result.of(
          Outcome.CONTENT_HASH_MISMATCH,
          auth.accessKeyId(),
          "x-acs-content-sha256 is not the SHA-256 of the received body");
    }
    String canonical =
        canonicalRequest(method, rawPath, query, lower, auth.signedHeaders(), declaredHash);
    String stringToSign = stringToSign(canonical);
    String expected = sign(secret.get(), stringToSign);
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    if (!same) {
      return Result.of(
          Outcome.SIGNATURE_MISMATCH,
          auth.accessKeyId(),
          "server string to sign is: " + stringToSign.replace("\n", "\\n"));
    }
    return Result.of(Outcome.VALID, auth.accessKeyId(), "ok");
  }

  private static Optional<Result> checkCoverage(AcsAuthorization auth, Map<String, String> lower) {
    List<String> signed = auth.signedHeaders();
    if (!signed.contains("host") || !signed.contains("x-acs-content-sha256")) {
      return Optional.of(
          Result.of(
              Outcome.UNSIGNED_HEADER,
              auth.accessKeyId(),
              "SignedHeaders must include host and x-acs-content-sha256"));
    }
    for (String name : signed) {
      if (!lower.containsKey(name)) {
        return Optional.of(
            Result.of(
                Outcome.MISSING_SIGNED_HEADER,
                auth.accessKeyId(),
                "signed header " + name + " is not in the request"));
      }
    }
    for (String name : lower.keySet()) {
      // Clients add transport headers (content-length, user-agent, even content-type) after
      // signing; only host and x-acs-* carry meaning the signature must protect.
      if ((name.startsWith("x-acs-") || name.equals("host")) && !signed.contains(name)) {
        return Optional.of(
            Result.of(
                Outcome.UNSIGNED_HEADER,
                auth.accessKeyId(),
                "header " + name + " is sent but not signed"));
      }
    }
    return Optional.empty();
  }

  /**
   * Builds the canonical request.
   *
   * @param method HTTP method
   * @param rawPath percent-encoded path; empty means {@code /}
   * @param query decoded query parameters
   * @param headers headers (names in any case)
   * @param signedHeaders lower-case names of the signed headers
   * @param hashedPayload hex SHA-256 of the body
   * @return the canonical request text
   */
  public static String canonicalRequest(
      String method,
      String rawPath,
      Map<String, String> query,
      Map<String, String> headers,
      List<String> signedHeaders,
      String hashedPayload) {
    Map<String, String> lower = lowerCaseNames(headers);
    List<String> names = new ArrayList<>(signedHeaders);
    names.sort(null);
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : names) {
      String value = lower.get(name);
      canonicalHeaders.append(name).append(':').append(value == null ? "" : value.trim());
      canonicalHeaders.append('\n');
    }
    String uri = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    return method.toUpperCase(Locale.ROOT)
        + '\n'
        + uri
        + '\n'
        + canonicalQuery(query)
        + '\n'
        + canonicalHeaders
        + '\n'
        + String.join(";", names)
        + '\n'
        + hashedPayload;
  }

  /**
   * The canonical query string: names sorted, {@code enc(name)=enc(value)} joined by {@code &}.
   *
   * @param query decoded query parameters
   * @return the canonical query, empty when there are none
   */
  public static String canonicalQuery(Map<String, String> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(percentEncode(e.getKey())).append('=');
      if (e.getValue() != null) {
        sb.append(percentEncode(e.getValue()));
      }
    }
    return sb.toString();
  }

  /**
   * The string to sign for a canonical request.
   *
   * @param canonicalRequest the canonical request
   * @return {@code ACS3-HMAC-SHA256\n} plus the hex SHA-256 of the canonical request
   */
  public static String stringToSign(String canonicalRequest) {
    return ALGORITHM + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hex HMAC-SHA256 of a string to sign.
   *
   * @param accessKeySecret the AccessKey secret
   * @param stringToSign the string to sign
   * @return lower-case hex signature
   */
  public static String sign(String accessKeySecret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Lower-case hex SHA-256.
   *
   * @param bytes input
   * @return hex digest
   */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * RFC 3986 percent-encoding of UTF-8 bytes: letters, digits and {@code -_.~} stay, every other
   * byte becomes {@code %XX} (upper-case hex). Equal to Alibaba's rule (URL-encode, then {@code
   * +}→{@code %20}, {@code *}→{@code %2A}, {@code %7E}→{@code ~}).
   *
   * @param value raw value
   * @return encoded value
   */
  public static String percentEncode(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
    Map<String, String> out = new TreeMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    }
    return out;
  }

  /** Why a request was accepted or rejected. */
  public enum Outcome {
    /** The signature matches. */
    VALID,
    /** No {@code Authorization} header. */
    MISSING_AUTHORIZATION,
    /** The {@code Authorization} header cannot be parsed. */
    MALFORMED_AUTHORIZATION,
    /** An algorithm other than {@code ACS3-HMAC-SHA256}. */
    UNSUPPORTED_ALGORITHM,
    /** The AccessKey id is not known. */
    UNKNOWN_ACCESS_KEY,
    /** {@code host} or an {@code x-acs-*} header is sent but not signed. */
    UNSIGNED_HEADER,
    /** A header named in {@code SignedHeaders} is not in the request. */
    MISSING_SIGNED_HEADER,
    /** {@code x-acs-content-sha256} is missing or differs from the body's SHA-256. */
    CONTENT_HASH_MISMATCH,
    /** The signature differs from the one computed here. */
    SIGNATURE_MISMATCH
  }

  /**
   * The result of one verification. Holds no secret.
   *
   * @param outcome the outcome
   * @param accessKeyId the AccessKey id from the {@code Authorization} header, or {@code null}
   * @param detail a human-readable explanation (for a mismatch: the server's string to sign)
   */
  public record Result(Outcome outcome, String accessKeyId, String detail) {
    static Result of(Outcome outcome, String accessKeyId, String detail) {
      return new Result(outcome, accessKeyId, detail);
    }

    /**
     * Whether the request is correctly signed.
     *
     * @return {@code true} for {@link Outcome#VALID}
     */
    public boolean valid() {
      return outcome == Outcome.VALID;
    }
  }
}
