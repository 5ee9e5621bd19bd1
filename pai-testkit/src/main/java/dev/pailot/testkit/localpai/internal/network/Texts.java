package dev.pailot.testkit.localpai.internal.network;

import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.regex.Pattern;

/** Validation of the free-text parameters of VPC and ECS calls (names and descriptions). */
final class Texts {
  private Texts() {}

  /**
   * An optional name or description: {@code min}..{@code max} characters, not starting with {@code
   * http://} or {@code https://}.
   *
   * @param params request parameters
   * @param name parameter name
   * @param min minimum length
   * @param max maximum length
   * @param code error code when invalid, e.g. {@code InvalidVpcName.Malformed}
   * @return the value, empty string if absent
   */
  static String optional(QueryParams params, String name, int min, int max, String code) {
    String v = params.optional(name).orElse("");
    if (v.isEmpty()) {
      return v;
    }
    if (v.length() < min
        || v.length() > max
        || v.startsWith("http://")
        || v.startsWith("https://")) {
      throw ServiceError.malformed(
          code, name, min + " to " + max + " characters, not starting with http:// or https://");
    }
    return v;
  }

  /**
   * An optional value that must match a pattern.
   *
   * @param params request parameters
   * @param name parameter name
   * @param pattern the rule
   * @param code error code when invalid
   * @param rule the rule in words
   * @return the value, empty string if absent
   */
  static String matching(
      QueryParams params, String name, Pattern pattern, String code, String rule) {
    String v = params.optional(name).orElse("");
    if (!v.isEmpty() && !pattern.matcher(v).matches()) {
      throw ServiceError.malformed(code, name, rule);
    }
    return v;
  }

  /**
   * A {@code ClientToken}: at most 64 printable ASCII characters.
   *
   * @param params request parameters
   * @return the token, or {@code null} if absent
   */
  static String clientToken(QueryParams params) {
    String token = params.optional("ClientToken").orElse(null);
    if (token != null && (token.length() > 64 || !token.matches("[\\x21-\\x7e]+"))) {
      throw ServiceError.invalid("ClientToken", "at most 64 printable ASCII characters");
    }
    return token;
  }
}
