package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.util.List;
import java.util.Map;

/** Field checks shared by the store values: each failure names the field and the fix. */
final class StoreRules {

  private StoreRules() {}

  static void notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.invalidField(field, "is blank", "use a non-blank string");
    }
  }

  static void vector(String field, float[] vector) {
    if (vector.length == 0) {
      throw ValidationException.invalidField(
          field, "is empty", "pass the embedding the store's embedder produced");
    }
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw ValidationException.invalidField(
            field, "element " + i + " is " + vector[i], "pass finite numbers only");
      }
    }
  }

  static void metadata(Map<String, String> metadata) {
    for (String key : metadata.keySet()) {
      if (key.isBlank()) {
        throw ValidationException.invalidField(
            "metadata", "has a blank key", "use non-blank keys such as \"lang\"");
      }
    }
  }

  static ValidationException missing(String type, IllegalStateException e) {
    List<String> names = MissingAttributes.names(e);
    if (names.isEmpty()) {
      throw e;
    }
    return ValidationException.invalidField(
        names.get(0), "is not set on " + type, "set " + String.join(" and ", names));
  }
}
