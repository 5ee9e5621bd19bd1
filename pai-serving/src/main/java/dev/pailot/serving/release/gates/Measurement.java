package dev.pailot.serving.release.gates;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One value a gate measured, with the limit it was judged against: {@code p99 latency 1.42 s > 1.0
 * s}. Plain data for reports. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableMeasurement.class)
@JsonDeserialize(as = ImmutableMeasurement.class)
public abstract class Measurement {
  /**
   * What was measured, e.g. {@code error_rate}, {@code p99_seconds}, {@code golden_pass_rate}.
   *
   * @return name
   */
  public abstract String name();

  /**
   * The measured value; {@code NaN} when it could not be measured (see {@link #note()}).
   *
   * @return value
   */
  public abstract double value();

  /**
   * The unit, e.g. {@code ratio}, {@code seconds}, {@code requests}; empty when none.
   *
   * @return unit
   */
  @Value.Default
  public String unit() {
    return "";
  }

  /**
   * The limit the value was compared with, when it was judged.
   *
   * @return limit
   */
  public abstract Optional<Double> limit();

  /**
   * Whether the value is within its limit; {@code true} for values that are only informative.
   *
   * @return within the limit
   */
  public abstract boolean ok();

  /**
   * Why a value is missing or how it was derived; empty when nothing to add.
   *
   * @return note
   */
  @Value.Default
  public String note() {
    return "";
  }

  /**
   * A value judged against an upper limit: ok when {@code value <= max}; a value that is not a
   * number is not ok.
   *
   * @param name what was measured
   * @param value measured value
   * @param unit unit
   * @param max the largest acceptable value
   * @return the measurement
   */
  public static Measurement atMost(String name, double value, String unit, double max) {
    return builder().name(name).value(value).unit(unit).limit(max).ok(value <= max).build();
  }

  /**
   * A value judged against a lower limit: ok when {@code value >= min}; a value that is not a
   * number is not ok.
   *
   * @param name what was measured
   * @param value measured value
   * @param unit unit
   * @param min the smallest acceptable value
   * @return the measurement
   */
  public static Measurement atLeast(String name, double value, String unit, double min) {
    return builder().name(name).value(value).unit(unit).limit(min).ok(value >= min).build();
  }

  /**
   * A value reported for information only.
   *
   * @param name what was measured
   * @param value measured value
   * @param unit unit
   * @return the measurement
   */
  public static Measurement info(String name, double value, String unit) {
    return builder().name(name).value(value).unit(unit).ok(true).build();
  }

  /**
   * One line, e.g. {@code p99_seconds=1.420 (limit 1.000) FAIL}.
   *
   * @return text
   */
  public String describe() {
    StringBuilder b = new StringBuilder(name()).append('=').append(format(value()));
    if (!unit().isEmpty()) {
      b.append(' ').append(unit());
    }
    limit().ifPresent(l -> b.append(" (limit ").append(format(l)).append(')'));
    if (!ok()) {
      b.append(" FAIL");
    }
    if (!note().isEmpty()) {
      b.append(" - ").append(note());
    }
    return b.toString();
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Measurement}. Not thread-safe. */
  public static final class Builder extends ImmutableMeasurement.Builder {
    Builder() {}
  }
}
