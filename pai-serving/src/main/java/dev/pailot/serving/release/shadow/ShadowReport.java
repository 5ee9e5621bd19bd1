package dev.pailot.serving.release.shadow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.internal.ReportJson;
import dev.pailot.serving.release.gates.Measurement;
import dev.pailot.serving.release.internal.ShadowText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * The comparison a shadow run made between blue and green: latency (p50, p99) and error rate of the
 * same probe requests sent to each side's own endpoint while green received a mirrored share of
 * blue's live traffic, output agreement on the golden set, the checks judged from them, and the
 * verdict. Plain data: {@link #toJson()} for portals, {@link #toText()} for people. Immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableShadowReport.class)
@JsonDeserialize(as = ImmutableShadowReport.class)
public abstract class ShadowReport {
  /**
   * The service group.
   *
   * @return group
   */
  public abstract String group();

  /**
   * The blue service (mirrored).
   *
   * @return blue
   */
  public abstract String blue();

  /**
   * The green service (mirror target).
   *
   * @return green
   */
  public abstract String green();

  /**
   * The share of blue's requests mirrored to green, percent.
   *
   * @return mirror percent
   */
  public abstract int mirrorPercent();

  /**
   * The evaluation window.
   *
   * @return window
   */
  public abstract Duration window();

  /**
   * When the mirror was set up.
   *
   * @return start
   */
  public abstract Instant startedAt();

  /**
   * When the comparison was judged.
   *
   * @return end
   */
  public abstract Instant finishedAt();

  /**
   * Blue's probe statistics.
   *
   * @return blue's side
   */
  public abstract SideStats blueStats();

  /**
   * Green's probe statistics.
   *
   * @return green's side
   */
  public abstract SideStats greenStats();

  /**
   * The mean golden-set score (agreement with expected or blue's answers), 0 to 1.
   *
   * @return agreement
   */
  public abstract double agreement();

  /**
   * Every golden prompt with both answers and its score.
   *
   * @return golden comparisons
   */
  public abstract List<GoldenComparison> golden();

  /**
   * The checks, each with its measured value and limit.
   *
   * @return checks
   */
  public abstract List<Measurement> checks();

  /**
   * The verdict: promote when every check is ok.
   *
   * @return verdict
   */
  public abstract ShadowVerdict verdict();

  /**
   * What was done with green: {@code KEPT} (ready for the blue-green stages), {@code STOPPED},
   * {@code DELETED}.
   *
   * @return green action
   */
  public abstract String greenAction();

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
  public static ShadowReport fromJson(String json) {
    return ReportJson.read(json, ShadowReport.class);
  }

  /**
   * This report as text: a blue/green table, the checks and the verdict.
   *
   * @return text
   */
  public String toText() {
    return ShadowText.render(this);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ShadowReport}. Not thread-safe. */
  public static final class Builder extends ImmutableShadowReport.Builder {
    Builder() {}
  }
}
