package dev.pailot.serving.release;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.internal.ReportJson;
import dev.pailot.serving.release.gates.GateResult;
import dev.pailot.serving.release.internal.ReleaseText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a blue-green release run did: its plan, how it ended, every stage with each gate's verdict
 * and measured values, and, after a rollback, the gate that failed. Plain data: {@link #toJson()}
 * for portals, {@link #toText()} for people. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableReleaseReport.class)
@JsonDeserialize(as = ImmutableReleaseReport.class)
public abstract class ReleaseReport {
  /**
   * The plan the run followed.
   *
   * @return plan
   */
  public abstract ReleasePlan plan();

  /**
   * How the run ended.
   *
   * @return outcome
   */
  public abstract ReleaseOutcome outcome();

  /**
   * One line for people: what happened and, unless promoted, why.
   *
   * @return message
   */
  public abstract String message();

  /**
   * The state found in EAS when this run started, when it resumed a release in progress.
   *
   * @return state resumed from
   */
  public abstract Optional<ReleaseState> resumedFrom();

  /**
   * When the run started.
   *
   * @return start
   */
  public abstract Instant startedAt();

  /**
   * When it ended.
   *
   * @return end
   */
  public abstract Instant finishedAt();

  /**
   * The stages this run judged, in order (stage 0 is the pre-traffic check).
   *
   * @return stages
   */
  public abstract List<StageReport> stages();

  /**
   * The first failing gate, after a rollback caused by a gate.
   *
   * @return failed gate
   */
  public abstract Optional<GateResult> failedGate();

  /**
   * This report as indented JSON (ISO-8601 times and durations).
   *
   * @return JSON text
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @param json JSON text
   * @return the report
   * @throws ValidationException if the JSON is malformed or misses a field
   */
  public static ReleaseReport fromJson(String json) {
    return ReportJson.read(json, ReleaseReport.class);
  }

  /**
   * This report as text: outcome, then one block per stage with every gate's measurements.
   *
   * @return text
   */
  public String toText() {
    return ReleaseText.render(this);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ReleaseReport}. Not thread-safe. */
  public static final class Builder extends ImmutableReleaseReport.Builder {
    Builder() {}
  }
}
