package dev.pailot.rag.budget;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one stage of one request did: its time against its budget, how it ended and, when it did not
 * end {@link StageOutcome#OK}, why. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class StageReport {
  /**
   * The stage.
   *
   * @return stage
   */
  public abstract Stage stage();

  /**
   * Wall time the request spent in this stage, degrade included (for generate: to the first token).
   *
   * @return elapsed
   */
  public abstract Duration elapsed();

  /**
   * The stage's budget.
   *
   * @return budget
   */
  public abstract Duration budget();

  /**
   * How the stage ended.
   *
   * @return outcome
   */
  public abstract StageOutcome outcome();

  /**
   * Why it overran, degraded, was skipped or failed, e.g. {@code "rerank exceeded its 80 ms budget;
   * kept retrieval order"}.
   *
   * @return reason
   */
  public abstract Optional<String> reason();

  /**
   * Whether the stage served a degraded result.
   *
   * @return {@code true} for {@link StageOutcome#DEGRADED}
   */
  public boolean degraded() {
    return outcome() == StageOutcome.DEGRADED;
  }

  /**
   * One line for logs and demos: {@code rerank 3.1 ms / 80 ms OK}.
   *
   * @return the line
   */
  public String toLine() {
    return String.format(
        "%-9s %8.1f ms / %4d ms  %s%s",
        stage().tag(),
        elapsed().toNanos() / 1e6,
        budget().toMillis(),
        outcome(),
        reason().map(r -> "  (" + r + ")").orElse(""));
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
