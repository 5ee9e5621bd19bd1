package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import java.util.Map;

/**
 * Reads and writes specs as JSON; turns a Jackson failure into the validation error inside it, if
 * any, or into one naming the position in the text.
 */
final class SpecJson {
  private static final ObjectMapper JSON =
      PaiRuntime.newObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);

  private SpecJson() {}

  static String write(Object spec) {
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          spec.getClass().getSimpleName() + " could not be written as JSON", e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw failure(e, type.getSimpleName());
    }
  }

  private static ValidationException failure(JsonProcessingException e, String type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
      if (t instanceof IllegalStateException ise) {
        return SpecRules.missing(type, ise, Map.of());
      }
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return ValidationException.invalidField(
        "json",
        "the " + type + " JSON could not be read" + where + " (" + e.getOriginalMessage() + ")",
        "write it as " + type + ".toJson() does");
  }
}
