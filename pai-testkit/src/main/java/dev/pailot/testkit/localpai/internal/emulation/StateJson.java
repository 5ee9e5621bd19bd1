package dev.pailot.testkit.localpai.internal.emulation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of emulated state in LocalPai's state directory: records as objects (fields read
 * directly, so package-private records need no annotations), instants as ISO-8601 text.
 */
public final class StateJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  private StateJson() {}

  /**
   * Converts a value (usually a list of records) to a JSON tree.
   *
   * @param value value
   * @return tree
   */
  public static JsonNode toTree(Object value) {
    return JSON.valueToTree(value);
  }

  /**
   * Reads a list of records from an array node; a missing node gives an empty list.
   *
   * @param node array node or {@code null}
   * @param type record type
   * @param <T> record type
   * @return the records
   */
  public static <T> List<T> list(JsonNode node, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return out;
    }
    for (JsonNode item : node) {
      try {
        out.add(JSON.treeToValue(item, type));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable " + type.getSimpleName() + " in state", e);
      }
    }
    return out;
  }

  /**
   * The mapper, for stores with shapes of their own.
   *
   * @return mapper
   */
  public static ObjectMapper mapper() {
    return JSON;
  }
}
