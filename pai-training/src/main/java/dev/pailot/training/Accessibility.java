package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pailot.core.error.ValidationException;

/** Who can see the job in its workspace ({@code Accessibility}). */
public enum Accessibility {
  /** {@code PUBLIC}: everyone in the workspace. */
  PUBLIC,
  /** {@code PRIVATE}: the owner and workspace administrators. */
  PRIVATE;

  /**
   * The value DLC expects.
   *
   * @return {@code PUBLIC} or {@code PRIVATE}
   */
  @JsonValue
  public String wireValue() {
    return name();
  }

  /**
   * Parses the text case-insensitively.
   *
   * @param text the text
   * @return the accessibility
   * @throws ValidationException naming {@code accessibility} if unknown
   */
  @JsonCreator
  public static Accessibility parse(String text) {
    for (Accessibility a : values()) {
      if (a.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return a;
      }
    }
    throw ValidationException.invalidField(
        "accessibility", "\"" + text + "\" is not an accessibility", "use PUBLIC or PRIVATE");
  }
}
