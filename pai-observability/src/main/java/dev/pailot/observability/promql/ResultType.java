package dev.pailot.observability.promql;

import java.util.Locale;

/** The {@code resultType} of a Prometheus query answer. */
public enum ResultType {
  /** An instant vector: series with one point each. */
  VECTOR,
  /** A range vector: series with many points each ({@code query_range}). */
  MATRIX,
  /** One number. */
  SCALAR,
  /** One string. */
  STRING;

  /**
   * The type named in the answer.
   *
   * @param name e.g. {@code vector}
   * @return the type
   * @throws IllegalArgumentException for an unknown name
   */
  public static ResultType fromName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
