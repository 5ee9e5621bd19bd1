package dev.pailot.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pailot.core.error.ValidationException;

/**
 * JSON for the reports and policies Pailot values write with {@code toJson()} (release, shadow and
 * spot run reports): Pailot's mapper with ISO-8601 times and durations ({@code PT5M}) and
 * indentation. Thread-safe.
 */
public final class ReportJson {
  private static final ObjectMapper JSON =
      PaiRuntime.newObjectMapper()
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /**
   * Writes a value.
   *
   * @param value an Immutables value with Jackson annotations
   * @return JSON text
   */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a value.
   *
   * @param json JSON text
   * @param type the value type
   * @param <T> value type
   * @return the value
   * @throws ValidationException if the JSON is malformed or misses a field
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw ValidationException.invalidField(
          "json",
          "is not a valid " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")",
          "pass JSON written by toJson()");
    }
  }
}
