package dev.pailot.training.spot;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.training.JobStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One attempt of a {@link SpotRun}: its DLC job, how it ran, how it ended, what it cost and, for a
 * preemption, what work was lost. Plain data; immutable and thread-safe. How the figures are
 * computed is in {@code docs/training.md} ("Spot runs").
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableAttemptReport.class)
@JsonDeserialize(as = ImmutableAttemptReport.class)
public abstract class AttemptReport {
  /**
   * The attempt number, from 1 ({@code PAILOT_ATTEMPT}).
   *
   * @return attempt number
   */
  public abstract int number();

  /**
   * The DLC job id.
   *
   * @return job id
   */
  public abstract String jobId();

  /**
   * The job's display name, {@code <run>-a<number>}.
   *
   * @return display name
   */
  public abstract String displayName();

  /**
   * Whether the attempt's roles asked for spot capacity (false after a fallback to on-demand).
   *
   * @return spot
   */
  public abstract boolean spot();

  /**
   * The step it was told to resume from ({@code PAILOT_RESUME_FROM_STEP}); 0 for a fresh start.
   *
   * @return resume step
   */
  public abstract long resumedFromStep();

  /**
   * The job's last status.
   *
   * @return status
   */
  public abstract JobStatus status();

  /**
   * How it ended.
   *
   * @return ending
   */
  public abstract AttemptEnding ending();

  /**
   * DLC's reason code at the end.
   *
   * @return reason code
   */
  public abstract Optional<String> reasonCode();

  /**
   * Why it ended this way: the preemption evidence, the pods not running at a gang timeout, the
   * budget or deadline figures.
   *
   * @return detail
   */
  public abstract Optional<String> detail();

  /**
   * When the run submitted it (the run's clock).
   *
   * @return submission time
   */
  public abstract Instant submittedAt();

  /**
   * When DLC says it started running.
   *
   * @return running time
   */
  public abstract Optional<Instant> runningAt();

  /**
   * When the run saw it end (the run's clock, like {@link #submittedAt()}).
   *
   * @return end time
   */
  public abstract Instant endedAt();

  /**
   * When DLC says it finished.
   *
   * @return DLC's finish time
   */
  public abstract Optional<Instant> finishedAt();

  /**
   * From submission to end, on the run's clock.
   *
   * @return wall time
   */
  public abstract Duration wallTime();

  /**
   * The running time it is billed for: the larger of DLC's {@code Duration} and its running
   * interval from the timestamps.
   *
   * @return billed running time
   */
  public abstract Duration runningTime();

  /**
   * Its estimated cost: every role's pods for {@link #runningTime()} at the price book's spot price
   * (spot roles) or on-demand price; empty if a role's instance type is not priced.
   *
   * @return cost
   */
  public abstract Optional<BigDecimal> cost();

  /**
   * What the same pods for the same running time would cost on demand.
   *
   * @return on-demand cost
   */
  public abstract Optional<BigDecimal> onDemandCost();

  /**
   * The newest complete checkpoint in the store when it ended: where the next attempt resumes.
   *
   * @return checkpoint step
   */
  public abstract OptionalLong checkpointStepAtEnd();

  /**
   * For a preemption: the last step the pod log shows it reached ({@link
   * SpotRunPolicy#stepLogPattern()}); empty if the log shows none.
   *
   * @return last step reached
   */
  public abstract OptionalLong lastStepReached();

  /**
   * For a preemption: steps to redo, {@link #lastStepReached()} minus {@link
   * #checkpointStepAtEnd()}.
   *
   * @return lost steps
   */
  public abstract OptionalLong lostSteps();

  /**
   * For a preemption: running time since the newest checkpoint completed (or since it started
   * running, if it completed none) until it ended: the work lost as time, from checkpoints alone.
   *
   * @return lost running time
   */
  public abstract Optional<Duration> lostTime();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builder for {@link AttemptReport}. Not thread-safe. */
  public static final class Builder extends ImmutableAttemptReport.Builder {
    Builder() {}
  }
}
