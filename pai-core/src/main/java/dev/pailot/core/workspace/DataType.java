package dev.pailot.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.pailot.core.error.ValidationException;

/** What kind of data a dataset holds. Default {@link #COMMON}. */
public enum DataType {
  /** Any data; the default. */
  COMMON("COMMON"),
  /** Images. */
  PIC("PIC"),
  /** Text. */
  TEXT("TEXT"),
  /** Video; PAI spells it {@code Video} on the wire. */
  VIDEO("Video"),
  /** Audio. */
  AUDIO("AUDIO");

  private final String wireValue;

  DataType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value sent as {@code DataType}.
   *
   * @return the wire value, e.g. {@code COMMON}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses a data type, case-insensitively.
   *
   * @param value the text, e.g. {@code TEXT}
   * @return the data type
   * @throws ValidationException if the text names no data type
   */
  @JsonCreator
  public static DataType parse(String value) {
    for (DataType t : values()) {
      if (t.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return t;
      }
    }
    throw ValidationException.invalidField(
        "dataType",
        "\"" + value + "\" is not a dataset data type",
        "use COMMON, PIC, TEXT, VIDEO or AUDIO");
  }
}
