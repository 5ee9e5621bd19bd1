package dev.pailot.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.pailot.core.error.ValidationException;

/**
 * Where a dataset's data lives. CPFS file systems are registered as {@link #NAS} with a {@code
 * nas://cpfs-...} URI, as PAI expects.
 */
public enum DataSourceType {
  /** Object Storage Service: {@code oss://bucket.endpoint/path}. */
  OSS,
  /** Apsara File Storage NAS, and CPFS: {@code nas://filesystem-id.region/path}. */
  NAS;

  /**
   * Parses a data source type, case-insensitively.
   *
   * @param value the text, e.g. {@code OSS}
   * @return the type
   * @throws ValidationException if the text names no supported type
   */
  @JsonCreator
  public static DataSourceType parse(String value) {
    for (DataSourceType t : values()) {
      if (t.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return t;
      }
    }
    throw ValidationException.invalidField(
        "dataSourceType",
        "\"" + value + "\" is not a supported data source type",
        "use OSS, or NAS (also for CPFS)");
  }
}
