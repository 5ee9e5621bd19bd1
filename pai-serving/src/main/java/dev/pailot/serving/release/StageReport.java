package dev.pailot.serving.release;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.serving.release.gates.GateResult;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * One stage of a release: green's share, the bake window, and every gate's verdict. Plain data.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableStageReport.class)
@JsonDeserialize(as = ImmutableStageReport.class)
public abstract class StageReport {
  /**
   * Green's share of traffic in percent; 0 for the pre-traffic check.
   *
   * @return stage percent
   */
  public abstract int percent();

  /**
   * When the stage's weights were set.
   *
   * @return start
   */
  public abstract Instant startedAt();

  /**
   * When the gates had judged it.
   *
   * @return end
   */
  public abstract Instant endedAt();

  /**
   * The gates' verdicts, in order.
   *
   * @return gate results
   */
  public abstract List<GateResult> gates();

  /**
   * Whether every gate passed (not serialised: it follows from {@link #gates()}).
   *
   * @return passed
   */
  public boolean passed() {
    return gates().stream().allMatch(GateResult::passed);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link StageReport}. Not thread-safe. */
  public static final class Builder extends ImmutableStageReport.Builder {
    Builder() {}
  }
}
