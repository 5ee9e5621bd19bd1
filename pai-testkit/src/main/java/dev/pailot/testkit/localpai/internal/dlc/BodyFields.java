package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of nested JSON request fields. Every error names the field by its path, e.g. {@code
 * JobSpecs[1].PodCount}, so a caller can find the mistake in a large body.
 */
final class BodyFields {
  private BodyFields() {}

  /** The field, or empty when absent or JSON {@code null}. */
  static Optional<JsonNode> field(JsonNode parent, String name) {
    JsonNode v = parent.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** An optional string; blank counts as absent. */
  static Optional<String> text(JsonNode parent, String name, String path) {
    Optional<JsonNode> v = field(parent, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isTextual()) {
      throw ServiceError.invalid(path, "must be a string");
    }
    String s = v.get().asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A required non-blank string. */
  static String requiredText(JsonNode parent, String name, String path) {
    return text(parent, name, path).orElseThrow(() -> ServiceError.missing(path));
  }

  /** An optional string that must be one of {@code allowed} (case-sensitive). */
  static Optional<String> oneOf(JsonNode parent, String name, String path, Set<String> allowed) {
    Optional<String> v = text(parent, name, path);
    if (v.isPresent() && !allowed.contains(v.get())) {
      throw ServiceError.invalid(path, "must be one of " + String.join(", ", sorted(allowed)));
    }
    return v;
  }

  /** An optional integer in {@code min..max}; numbers sent as strings are accepted. */
  static Optional<Long> integer(JsonNode parent, String name, String path, long min, long max) {
    Optional<JsonNode> v = field(parent, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    JsonNode n = v.get();
    Long value = null;
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      value = n.asLong();
    } else if (n.isTextual() && n.asText().trim().matches("-?\\d{1,18}")) {
      value = Long.parseLong(n.asText().trim());
    }
    if (value == null || value < min || value > max) {
      throw ServiceError.invalid(path, "must be an integer from " + min + " to " + max);
    }
    return Optional.of(value);
  }

  /** An optional number; numbers sent as strings are accepted. */
  static Optional<Double> number(JsonNode parent, String name, String path) {
    Optional<JsonNode> v = field(parent, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    JsonNode n = v.get();
    try {
      if (n.isNumber()) {
        return Optional.of(n.asDouble());
      }
      if (n.isTextual()) {
        return Optional.of(Double.parseDouble(n.asText().trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ServiceError.invalid(path, "must be a number");
  }

  /** An optional JSON object. */
  static Optional<JsonNode> object(JsonNode parent, String name, String path) {
    Optional<JsonNode> v = field(parent, name);
    if (v.isPresent() && !v.get().isObject()) {
      throw ServiceError.invalid(path, "must be a JSON object");
    }
    return v;
  }

  /** An optional JSON array. */
  static Optional<JsonNode> array(JsonNode parent, String name, String path) {
    Optional<JsonNode> v = field(parent, name);
    if (v.isPresent() && !v.get().isArray()) {
      throw ServiceError.invalid(path, "must be a JSON array");
    }
    return v;
  }

  /** An optional map of strings to strings, in request order; empty if absent. */
  static Map<String, String> stringMap(JsonNode parent, String name, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    object(parent, name, path)
        .ifPresent(
            node ->
                node.properties()
                    .forEach(
                        e -> {
                          if (e.getKey().isBlank() || !e.getValue().isTextual()) {
                            throw ServiceError.invalid(
                                path, "must map non-empty names to string values");
                          }
                          out.put(e.getKey(), e.getValue().asText());
                        }));
    return out;
  }

  private static String[] sorted(Set<String> values) {
    return values.stream().sorted().toArray(String[]::new);
  }
}
