package dev.pailot.core.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serialises a map-valued query parameter the way the official SDKs "shrink" it: one JSON string.
 */
final class JsonQuery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonQuery() {}

  static String write(Map<String, String> value) {
    try {
      // Sorted, so the same map always yields the same query string (and signature).
      return JSON.writeValueAsString(new TreeMap<>(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write query map as JSON", e);
    }
  }
}
