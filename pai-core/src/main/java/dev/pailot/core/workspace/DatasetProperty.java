package dev.pailot.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.pailot.core.error.ValidationException;

/** Whether a dataset's URI points at one file or at a directory. */
public enum DatasetProperty {
  /** A single file. */
  FILE,
  /** A directory (prefix) and everything below it. */
  DIRECTORY;

  /**
   * Parses a property, case-insensitively.
   *
   * @param value the text, e.g. {@code DIRECTORY}
   * @return the property
   * @throws ValidationException if the text is neither {@code FILE} nor {@code DIRECTORY}
   */
  @JsonCreator
  public static DatasetProperty parse(String value) {
    for (DatasetProperty p : values()) {
      if (p.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return p;
      }
    }
    throw ValidationException.invalidField(
        "property", "\"" + value + "\" is not a dataset property", "use FILE or DIRECTORY");
  }
}
