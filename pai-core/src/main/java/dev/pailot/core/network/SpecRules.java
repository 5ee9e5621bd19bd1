package dev.pailot.core.network;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.util.List;
import java.util.Locale;

/** The naming and block rules that VPC and ECS enforce, checked before any call. */
final class SpecRules {
  private SpecRules() {}

  /**
   * Checks a VPC, vSwitch or security group name: {@code minLength} to 128 characters, not starting
   * with {@code http://} or {@code https://}.
   */
  static void checkName(String field, String name, int minLength) {
    if (name.isBlank()) {
      throw ValidationException.invalidField(field, "is empty", "give it a name, e.g. pailot-prod");
    }
    if (name.length() < minLength || name.length() > 128) {
      throw ValidationException.invalidField(
          field,
          "\"" + name + "\" has " + name.length() + " characters",
          "use " + minLength + " to 128 characters");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      throw ValidationException.invalidField(
          field, "\"" + name + "\" starts with http:// or https://", "drop the scheme prefix");
    }
  }

  /** Parses an IPv4 block and checks its mask; returns the block. */
  static Cidr checkIpv4Block(String field, String text, int minMask, int maxMask, String fix) {
    Cidr cidr;
    try {
      cidr = Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.invalidField(field, e.getMessage(), fix);
    }
    if (cidr.isIpv6()) {
      throw ValidationException.invalidField(field, "\"" + text + "\" is not IPv4", fix);
    }
    if (cidr.prefixLength() < minMask || cidr.prefixLength() > maxMask) {
      throw ValidationException.invalidField(
          field,
          "mask /"
              + cidr.prefixLength()
              + " of \""
              + text
              + "\" is outside /"
              + minMask
              + "-/"
              + maxMask,
          fix);
    }
    return cidr;
  }

  /**
   * Turns Immutables' "required attributes are not set [a, b]" into a validation failure naming the
   * first missing field.
   */
  static ValidationException missing(String prefix, IllegalStateException e) {
    List<String> names = MissingAttributes.names(e);
    if (names.isEmpty()) {
      throw e;
    }
    return ValidationException.invalidField(
        prefix + names.get(0), "is not set", "set " + String.join(" and ", names));
  }
}
