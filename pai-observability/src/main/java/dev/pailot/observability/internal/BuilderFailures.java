package dev.pailot.observability.internal;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;

/**
 * Turns an Immutables builder's missing-attribute failure into a {@link ValidationException} naming
 * the field. SDK-internal.
 */
public final class BuilderFailures {
  private BuilderFailures() {}

  /**
   * The validation failure for a builder that could not build.
   *
   * @param type the value type's simple name
   * @param e the builder's failure
   * @return the exception to throw
   */
  public static ValidationException missing(String type, IllegalStateException e) {
    String field = MissingAttributes.names(e).stream().findFirst().orElse(type);
    return ValidationException.invalidField(
        field, "is not set", "set " + field + " on the " + type + " builder");
  }
}
