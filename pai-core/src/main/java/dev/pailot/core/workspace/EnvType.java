package dev.pailot.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.pailot.core.error.ValidationException;

/**
 * A workspace environment. A workspace with {@link #PROD} only is a <em>basic</em> workspace; one
 * with {@link #DEV} and {@link #PROD} is a <em>standard</em> workspace, where jobs are developed in
 * {@code dev} and promoted to {@code prod}. PAI does not allow changing this after creation.
 */
public enum EnvType {
  /** The development environment ({@code dev} on the wire). */
  DEV("dev"),
  /** The production environment ({@code prod} on the wire). */
  PROD("prod");

  private final String wireValue;

  EnvType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value PAI sends and expects in {@code EnvTypes}.
   *
   * @return {@code dev} or {@code prod}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses an environment type, case-insensitively ({@code prod}, {@code PROD}).
   *
   * @param value the text
   * @return the environment type
   * @throws ValidationException if the text is neither {@code dev} nor {@code prod}
   */
  @JsonCreator
  public static EnvType parse(String value) {
    for (EnvType t : values()) {
      if (t.wireValue.equalsIgnoreCase(value == null ? "" : value.trim())) {
        return t;
      }
    }
    throw ValidationException.invalidField(
        "envTypes", "\"" + value + "\" is not an environment type", "use dev or prod");
  }
}
