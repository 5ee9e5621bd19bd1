package dev.pailot.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pailot.core.error.ValidationException;
import java.util.Map;

/** Turns a Jackson failure while reading a spec into the validation error inside it, if any. */
final class SpecJson {
  private SpecJson() {}

  static ValidationException failure(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
      if (t instanceof IllegalStateException ise) {
        return SpecRules.missing(
            "the spec JSON", ise, Map.of("name", "add \"name\": \"llm_prod\" to the JSON"));
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
        "the workspace spec JSON could not be read" + where + " (" + e.getOriginalMessage() + ")",
        "write it as WorkspaceSpec.toJson() does");
  }
}
