package dev.pailot.testkit;

import dev.pailot.testkit.verify.RecordedCall;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent implementation of Alibaba Cloud's V3 signature (ACS3-HMAC-SHA256, PAI_API.md
 * §6.2), written from the spec rather than from tea-openapi, to check what the SDK sends.
 */
final class V3SignatureCheck {
  private V3SignatureCheck() {}

  /** What the signature covers, taken from a recorded request. */
  record Input(
      String method,
      String rawPath,
      Map<String, String> query,
      List<String> signedHeaders,
      Map<String, String> headerValues,
      byte[] body) {

    static Input of(RecordedCall call) {
      Map<String, String> values = new TreeMap<>();
      for (String name : call.signedHeaders()) {
        values.put(name, call.header(name).orElse(""));
      }
      byte[] body = call.raw().getBody() == null ? new byte[0] : call.raw().getBody();
      return new Input(
          call.method(),
          call.path(),
          rawQuery(call.raw().getUrl()),
          call.signedHeaders(),
          values,
          body);
    }

    Input withQuery(Map<String, String> q) {
      return new Input(method, rawPath, q, signedHeaders, headerValues, body);
    }
  }

  static boolean verifies(RecordedCall call, String secret) {
    String sent = call.signature().orElseThrow(() -> new AssertionError("no V3 Authorization"));
    return sign(Input.of(call), secret).equals(sent);
  }

  static String sign(Input in, String secret) {
    String stringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(canonicalRequest(in)));
    return hex(hmac(secret, stringToSign));
  }

  static String canonicalRequest(Input in) {
    // Spec: lowercase names, sorted; SignedHeaders lists the same names in the same order.
    List<String> names = new ArrayList<>(new TreeSet<>(in.signedHeaders()));
    StringBuilder headers = new StringBuilder();
    for (String name : names) {
      headers.append(name).append(':').append(in.headerValues().get(name).trim()).append('\n');
    }
    return in.method()
        + "\n"
        + in.rawPath()
        + "\n"
        + canonicalQuery(in.query())
        + "\n"
        + headers
        + "\n"
        + String.join(";", names)
        + "\n"
        + hex(sha256(in.body()));
  }

  static String canonicalQuery(Map<String, String> query) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(query).forEach((k, v) -> parts.add(encode(k) + "=" + encode(v)));
    return String.join("&", parts);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static Map<String, String> rawQuery(String url) {
    Map<String, String> out = new TreeMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
