package dev.pailot.testkit.localpai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an {@code Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,
 * Signature=<hex>} header. Header names are lower-cased; the signature is kept as sent.
 *
 * @param algorithm e.g. {@code ACS3-HMAC-SHA256}
 * @param accessKeyId the AccessKey id from {@code Credential}
 * @param signedHeaders the names from {@code SignedHeaders}
 * @param signature the hex signature
 */
record AcsAuthorization(
    String algorithm, String accessKeyId, List<String> signedHeaders, String signature) {

  static Optional<AcsAuthorization> parse(String header) {
    String h = header.trim();
    int space = h.indexOf(' ');
    if (space <= 0) {
      return Optional.empty();
    }
    String algorithm = h.substring(0, space);
    Map<String, String> parts = new TreeMap<>();
    for (String part : h.substring(space + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return Optional.empty();
      }
      parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null
        || credential.isEmpty()
        || signedHeaders == null
        || signedHeaders.isEmpty()
        || signature == null
        || signature.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String name : signedHeaders.split(";")) {
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    return Optional.of(new AcsAuthorization(algorithm, credential, List.copyOf(names), signature));
  }
}
