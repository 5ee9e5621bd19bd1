package dev.pailot.serving.eas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Takes typed fields out of a copy of an EAS JSON object and puts them back. What is left after the
 * typed fields are taken is the "extra" tree that keeps every key Pailot does not model, so a spec
 * read and written again loses nothing. A value of an unexpected JSON type is never taken: it stays
 * in the extra tree, verbatim. Not thread-safe (works on the caller's copy).
 */
public final class JsonFields {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode rest;

  private JsonFields(ObjectNode rest) {
    this.rest = rest;
  }

  /**
   * Reads from a deep copy of {@code source}.
   *
   * @param source the JSON object, not changed
   * @return the reader
   */
  public static JsonFields of(JsonNode source) {
    return new JsonFields(
        source != null && source.isObject() ? source.deepCopy() : JSON.objectNode());
  }

  /**
   * Takes a string at {@code path}.
   *
   * @param path keys from this object down
   * @return the value, if present and textual
   */
  public Optional<String> text(String... path) {
    return take(JsonNode::isTextual, path).map(JsonNode::asText);
  }

  /**
   * Takes an integer at {@code path}.
   *
   * @param path keys
   * @return the value, if present and an integral number that fits an int
   */
  public Optional<Integer> integer(String... path) {
    return take(n -> n.isIntegralNumber() && n.canConvertToInt(), path).map(JsonNode::asInt);
  }

  /**
   * Takes a number at {@code path}.
   *
   * @param path keys
   * @return the value, if present and numeric
   */
  public Optional<Double> number(String... path) {
    return take(JsonNode::isNumber, path).map(JsonNode::asDouble);
  }

  /**
   * Takes a boolean at {@code path}.
   *
   * @param path keys
   * @return the value, if present and boolean
   */
  public Optional<Boolean> bool(String... path) {
    return take(JsonNode::isBoolean, path).map(JsonNode::asBoolean);
  }

  /**
   * Takes an object of string values at {@code path} (e.g. {@code features}).
   *
   * @param path keys
   * @return the map in document order; empty if absent or if any value is not a string
   */
  public Map<String, String> stringMap(String... path) {
    Optional<JsonNode> n = take(JsonFields::allTextValues, path);
    Map<String, String> out = new LinkedHashMap<>();
    n.ifPresent(o -> o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText())));
    return out;
  }

  /**
   * Takes an array of strings at {@code path}.
   *
   * @param path keys
   * @return values; empty if absent or not an array of strings
   */
  public List<String> strings(String... path) {
    Optional<JsonNode> n = take(a -> a.isArray() && allMatch(a, JsonNode::isTextual), path);
    List<String> out = new ArrayList<>();
    n.ifPresent(a -> a.forEach(v -> out.add(v.asText())));
    return out;
  }

  /**
   * Takes an array whose items all satisfy {@code itemTest}.
   *
   * @param itemTest what every item must be for the array to be taken
   * @param path keys
   * @return the items; empty if absent or any item fails the test (the array then stays)
   */
  public List<JsonNode> array(Predicate<JsonNode> itemTest, String... path) {
    Optional<JsonNode> n = take(a -> a.isArray() && allMatch(a, itemTest), path);
    List<JsonNode> out = new ArrayList<>();
    n.ifPresent(a -> a.forEach(out::add));
    return out;
  }

  /**
   * Takes an object at {@code path} whole.
   *
   * @param path keys
   * @return the object, if present
   */
  public Optional<JsonNode> object(String... path) {
    return take(JsonNode::isObject, path);
  }

  /**
   * What was not taken, as top-level key to JSON value; empty objects left behind by taking are
   * removed.
   *
   * @return the extra tree
   */
  public Map<String, JsonNode> rest() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    rest.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private Optional<JsonNode> take(Predicate<JsonNode> accept, String... path) {
    List<ObjectNode> parents = new ArrayList<>();
    ObjectNode cur = rest;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next = cur.get(path[i]);
      if (next == null || !next.isObject()) {
        return Optional.empty();
      }
      parents.add(cur);
      cur = (ObjectNode) next;
    }
    JsonNode v = cur.get(path[path.length - 1]);
    if (v == null || v.isNull() || !accept.test(v)) {
      return Optional.empty();
    }
    cur.remove(path[path.length - 1]);
    // Drop the parents this removal emptied, innermost first.
    for (int i = path.length - 2; i >= 0 && cur.isEmpty(); i--) {
      ObjectNode parent = parents.get(i);
      parent.remove(path[i]);
      cur = parent;
    }
    return Optional.of(v);
  }

  private static boolean allTextValues(JsonNode n) {
    if (!n.isObject()) {
      return false;
    }
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      if (!it.next().isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean allMatch(JsonNode array, Predicate<JsonNode> test) {
    for (JsonNode item : array) {
      if (!test.test(item)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code n} is an object with exactly the given keys' subset.
   *
   * @param n node
   * @param allowed keys allowed
   * @return true if an object whose keys are all allowed
   */
  public static boolean objectWithOnly(JsonNode n, String... allowed) {
    if (!n.isObject()) {
      return false;
    }
    List<String> keys = List.of(allowed);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      if (!keys.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A writable copy of an extra tree.
   *
   * @param extra the extra tree
   * @return a new object holding deep copies
   */
  public static ObjectNode copy(Map<String, JsonNode> extra) {
    ObjectNode out = JSON.objectNode();
    extra.forEach((k, v) -> out.set(k, v.deepCopy()));
    return out;
  }

  /**
   * Sets {@code value} at {@code path}, creating objects on the way; {@code null} or an empty
   * optional sets nothing.
   *
   * @param target the object written
   * @param value a String, Number, Boolean or JsonNode, or an Optional of one
   * @param path keys
   */
  public static void put(ObjectNode target, Object value, String... path) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v == null) {
      return;
    }
    ObjectNode cur = target;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next = cur.get(path[i]);
      cur = next != null && next.isObject() ? (ObjectNode) next : cur.putObject(path[i]);
    }
    String key = path[path.length - 1];
    if (v instanceof String s) {
      cur.put(key, s);
    } else if (v instanceof Integer i) {
      cur.put(key, i);
    } else if (v instanceof Long l) {
      // Parsed JSON holds small numbers as ints; write them the same way so trees compare equal.
      if (l == l.intValue()) {
        cur.put(key, l.intValue());
      } else {
        cur.put(key, l);
      }
    } else if (v instanceof Double d) {
      cur.put(key, d);
    } else if (v instanceof Boolean b) {
      cur.put(key, b);
    } else if (v instanceof JsonNode n) {
      cur.set(key, n);
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass());
    }
  }

  /**
   * A new JSON array.
   *
   * @return array
   */
  public static ArrayNode array() {
    return JSON.arrayNode();
  }
}
