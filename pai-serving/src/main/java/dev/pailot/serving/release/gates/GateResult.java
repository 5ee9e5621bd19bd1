package dev.pailot.serving.release.gates;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A gate's verdict at one stage of a release, with everything it measured. Plain data for reports.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableGateResult.class)
@JsonDeserialize(as = ImmutableGateResult.class)
public abstract class GateResult {
  /**
   * The gate's name ({@link ReleaseGate#name()}).
   *
   * @return gate name
   */
  public abstract String gate();

  /**
   * Whether the release may go on.
   *
   * @return passed
   */
  public abstract boolean passed();

  /**
   * One line for people: why it passed or failed.
   *
   * @return message
   */
  public abstract String message();

  /**
   * What the gate measured, judged or informative.
   *
   * @return measurements
   */
  public abstract List<Measurement> measurements();

  /**
   * A verdict that follows from the measurements: passed when every one is ok.
   *
   * @param gate gate name
   * @param measurements measured values
   * @return the result, its message listing the failing measurements
   */
  public static GateResult of(String gate, List<Measurement> measurements) {
    List<Measurement> failing = measurements.stream().filter(m -> !m.ok()).toList();
    String message =
        failing.isEmpty()
            ? "all " + measurements.size() + " measurements within limits"
            : String.join("; ", failing.stream().map(Measurement::describe).toList());
    return builder()
        .gate(gate)
        .passed(failing.isEmpty())
        .message(message)
        .measurements(measurements)
        .build();
  }

  /**
   * A failed verdict with a reason and no measurement, e.g. when the gate's data source failed.
   *
   * @param gate gate name
   * @param reason what went wrong
   * @return the result
   */
  public static GateResult failed(String gate, String reason) {
    return builder().gate(gate).passed(false).message(reason).build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GateResult}. Not thread-safe. */
  public static final class Builder extends ImmutableGateResult.Builder {
    Builder() {}
  }
}
