package dev.pailot.training.spot;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.internal.ReportJson;
import dev.pailot.training.spot.internal.ReportText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What a {@link SpotRun} did: how it ended, every attempt, the preemptions and the work they cost,
 * the wall time, and the estimated cost on spot against the same running time on demand. Plain
 * data: {@link #toJson()} for portals, {@link #toText()} for people.
 *
 * <p>Costs come from the {@code PriceBook} in its currency: each attempt's roles, pods times
 * running time, at spot prices for spot roles and on-demand prices otherwise; {@link
 * #onDemandCost()} prices the same running time on demand, and {@link #savings()} is the
 * difference. Empty when a role's instance type is not in the price book.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSpotRunReport.class)
@JsonDeserialize(as = ImmutableSpotRunReport.class)
public abstract class SpotRunReport {
  /**
   * The run's name (the job spec's display name unless set).
   *
   * @return run name
   */
  public abstract String run();

  /**
   * How the run ended.
   *
   * @return outcome
   */
  public abstract RunOutcome outcome();

  /**
   * One line for people: what happened and, unless it succeeded, what to do.
   *
   * @return message
   */
  public abstract String message();

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
   * From start to end.
   *
   * @return wall time
   */
  public abstract Duration wallTime();

  /**
   * Every attempt, in order.
   *
   * @return attempts
   */
  public abstract List<AttemptReport> attempts();

  /**
   * How many attempts ended by preemption.
   *
   * @return preemptions
   */
  public abstract int preemptions();

  /**
   * Steps lost by each preemption whose last step was observable, in order.
   *
   * @return lost steps per preemption
   */
  public abstract List<Long> lostStepsPerPreemption();

  /**
   * The newest complete checkpoint when the run ended.
   *
   * @return checkpoint step
   */
  public abstract OptionalLong finalCheckpointStep();

  /**
   * The currency of the costs, e.g. {@code USD}.
   *
   * @return ISO 4217 code
   */
  public abstract String currency();

  /**
   * The estimated cost of all attempts as they ran (spot or on demand).
   *
   * @return cost
   */
  public abstract Optional<BigDecimal> cost();

  /**
   * The same running time priced on demand.
   *
   * @return on-demand cost
   */
  public abstract Optional<BigDecimal> onDemandCost();

  /**
   * {@link #onDemandCost()} minus {@link #cost()}.
   *
   * @return savings
   */
  public abstract Optional<BigDecimal> savings();

  /**
   * For {@link RunOutcome#FAILED}: the failed attempt's reason, log tail and events.
   *
   * @return failure
   */
  public abstract Optional<AttemptFailure> failure();

  /**
   * Whether the run succeeded.
   *
   * @return {@code true} for {@link RunOutcome#SUCCEEDED}
   */
  public boolean succeeded() {
    return outcome() == RunOutcome.SUCCEEDED;
  }

  /**
   * Returns this report if the run succeeded, else throws.
   *
   * @return this report
   * @throws SpotRunFailedException carrying this report, whose message names the run, the last job
   *     and, for a failure, its reason and log tail
   */
  public SpotRunReport requireSucceeded() {
    if (!succeeded()) {
      throw new SpotRunFailedException(this);
    }
    return this;
  }

  /**
   * This report as indented JSON (ISO-8601 times and durations, decimal costs).
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
  public static SpotRunReport fromJson(String json) {
    return ReportJson.read(json, SpotRunReport.class);
  }

  /**
   * This report as a few lines of text: outcome, a table of attempts, cost and savings.
   *
   * @return text
   */
  public String toText() {
    return ReportText.render(this);
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SpotRunReport}. Not thread-safe. */
  public static final class Builder extends ImmutableSpotRunReport.Builder {
    Builder() {}
  }
}
