package dev.pailot.serving.eas;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation shared by the EAS value types: every failure names the field and the fix. */
final class SpecRules {
  /** EAS service and group names (PAI_API.md §3.2; LocalPai enforces the same rule). */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private SpecRules() {}

  static ValidationException missing(String type, IllegalStateException e) {
    String field = MissingAttributes.names(e).stream().findFirst().orElse("a required field");
    return ValidationException.invalidField(
        field, "is required by " + type + " but not set", "set " + field + "(...)");
  }

  static void name(String field, String value) {
    if (!NAME.matcher(value).matches()) {
      throw ValidationException.invalidField(
          field,
          "\"" + value + "\" is not a valid EAS name",
          "use 1 to 64 lower-case letters, digits or underscores, starting with a letter");
    }
  }

  static void range(String field, Optional<Integer> value, int min, int max) {
    value.ifPresent(v -> range(field, v.intValue(), min, max));
  }

  static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw ValidationException.invalidField(
          field,
          value + " is outside " + min + ".." + max,
          "use a value from " + min + " to " + max);
    }
  }

  static void notBlank(String field, Optional<String> value) {
    if (value.isPresent() && value.get().isBlank()) {
      throw ValidationException.invalidField(field, "is blank", "leave it unset or give a value");
    }
  }
}
