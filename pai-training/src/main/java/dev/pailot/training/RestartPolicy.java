package dev.pailot.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pailot.core.error.ValidationException;

/** When DLC restarts a role's pods ({@code JobSpecs[].RestartPolicy}). */
public enum RestartPolicy {
  /** {@code Always}. */
  ALWAYS("Always"),
  /** {@code Never}. */
  NEVER("Never"),
  /** {@code OnFailure}: restart pods that exit with an error. */
  ON_FAILURE("OnFailure"),
  /** {@code ExitCode}: restart depending on the exit code. */
  EXIT_CODE("ExitCode");

  private final String wireValue;

  RestartPolicy(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value DLC expects, e.g. {@code OnFailure}.
   *
   * @return wire value
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses a policy from its wire value or constant name, case-insensitively.
   *
   * @param text the text
   * @return the policy
   * @throws ValidationException naming {@code restartPolicy} if the text is no policy
   */
  @JsonCreator
  public static RestartPolicy parse(String text) {
    String t = text == null ? "" : text.trim();
    for (RestartPolicy p : values()) {
      if (p.wireValue.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t)) {
        return p;
      }
    }
    throw ValidationException.invalidField(
        "restartPolicy",
        "\"" + text + "\" is not a restart policy",
        "use Always, Never, OnFailure or ExitCode");
  }
}
