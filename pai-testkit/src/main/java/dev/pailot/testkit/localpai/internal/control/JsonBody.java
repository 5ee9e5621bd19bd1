package dev.pailot.testkit.localpai.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reading of a ROA JSON request body. Errors name the field. */
public final class JsonBody {
  private final ObjectNode node;

  JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * A required non-blank text field.
   *
   * @param name field name
   * @return value
   * @throws ServiceError {@code MissingParameter} or {@code InvalidParameter}
   */
  public String required(String name) {
    return text(name).orElseThrow(() -> ServiceError.missing(name));
  }

  /**
   * An optional text field; blank counts as absent.
   *
   * @param name field name
   * @return value
   * @throws ServiceError {@code InvalidParameter} if present but not a string
   */
  public Optional<String> text(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ServiceError.invalid(name, "must be a string");
    }
    return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }

  /**
   * An optional array of strings.
   *
   * @param name field name
   * @return items; empty if absent
   * @throws ServiceError {@code InvalidParameter} if not an array of strings
   */
  public List<String> strings(String name) {
    JsonNode v = node.get(name);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw ServiceError.invalid(name, "must be an array of strings");
    }
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw ServiceError.invalid(name, "must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  /**
   * An optional field of any JSON type.
   *
   * @param name field name
   * @return the node
   */
  public Optional<JsonNode> node(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }
}
