package dev.pailot.serving.release.gates;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;

/**
 * The field checks the gate builders share, so that every gate rejects a bad value with the same
 * wording: the field, what is wrong, and an example of a good value.
 */
final class GateFields {
  private GateFields() {}

  /**
   * A positive duration.
   *
   * @param field the builder field
   * @param d the value
   * @param example a good value for the message, e.g. {@code 1s}
   * @return {@code d}
   * @throws ValidationException if {@code d} is null, zero or negative
   */
  static Duration positive(String field, Duration d, String example) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw ValidationException.invalidField(field, d + " is not positive", "use e.g. " + example);
    }
    return d;
  }

  /**
   * A ratio from 0 to 1.
   *
   * @param field the builder field
   * @param v the value
   * @param fix what to use instead
   * @return {@code v}
   * @throws ValidationException if {@code v} is NaN or outside 0..1
   */
  static double unitRatio(String field, double v, String fix) {
    if (!(v >= 0 && v <= 1)) {
      throw ValidationException.invalidField(field, v + " is outside 0..1", fix);
    }
    return v;
  }

  /**
   * A count of at least one.
   *
   * @param field the builder field
   * @param n the value
   * @param fix what to use instead
   * @return {@code n}
   * @throws ValidationException if {@code n} is below 1
   */
  static long atLeastOne(String field, long n, String fix) {
    if (n < 1) {
      throw ValidationException.invalidField(field, n + " is below 1", fix);
    }
    return n;
  }

  /**
   * A value {@code build()} needs.
   *
   * @param field the builder field
   * @param value the value, or null when unset
   * @param fix how to set it
   * @throws ValidationException if {@code value} is null
   */
  static void required(String field, Object value, String fix) {
    if (value == null) {
      throw ValidationException.invalidField(field, "is not set", fix);
    }
  }
}
