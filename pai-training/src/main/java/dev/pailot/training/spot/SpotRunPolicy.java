package dev.pailot.training.spot;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.immutables.value.Value;

/**
 * How a {@link SpotRun} behaves, as plain data a portal can store and diff: when to resubmit, when
 * to give up, when to fall back to on-demand, what it may spend, and how it watches. {@link
 * SpotRun.Builder}'s fluent methods set the same fields; {@link
 * SpotRun.Builder#policy(SpotRunPolicy)} takes a stored one.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSpotRunPolicy.class)
@JsonDeserialize(as = ImmutableSpotRunPolicy.class)
public abstract class SpotRunPolicy {
  /** The default pattern that finds the step in a pod log line such as {@code step 37/100}. */
  public static final String DEFAULT_STEP_LOG_PATTERN = "(?i)\\bstep[\\s=:]+(\\d+)";

  /**
   * Whether an attempt ended by preemption is followed by another that resumes from the newest
   * complete checkpoint. Default {@code false}: a preemption ends the run ({@link
   * RunOutcome#PREEMPTED}).
   *
   * @return whether to resume
   */
  @Value.Default
  public boolean resumeOnPreemption() {
    return false;
  }

  /**
   * The most attempts (DLC jobs) the run submits, counting gang-start resubmissions. Default 5.
   *
   * @return at least 1
   */
  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  /**
   * Wall-clock time the run may take from its start; at the deadline the running attempt is stopped
   * and the run ends as {@link RunOutcome#DEADLINE}.
   *
   * @return deadline
   */
  public abstract Optional<Duration> deadline();

  /**
   * The most the run may spend, in the price book's currency, estimated from the price book (see
   * {@code docs/training.md}). Needs every role on an instance type the price book prices.
   *
   * @return budget cap
   */
  public abstract Optional<BigDecimal> budget();

  /**
   * With a budget: an attempt is submitted only if the remaining budget pays for at least this much
   * running time of its pods. Default 10 minutes.
   *
   * @return running time the remaining budget must cover
   */
  @Value.Default
  public Duration budgetReserve() {
    return Duration.ofMinutes(10);
  }

  /**
   * After this many preemptions, later attempts run on demand (no {@code SpotSpec}). Opt-in.
   *
   * @return preemptions before falling back
   */
  public abstract OptionalInt fallbackAfterPreemptions();

  /**
   * When less than this is left before the {@link #deadline()}, later attempts run on demand.
   * Opt-in; needs a deadline.
   *
   * @return time before the deadline
   */
  public abstract Optional<Duration> fallbackWithinDeadline();

  /**
   * How long every pod of an attempt may take to be {@code Running} once the attempt has left the
   * queue (status past {@code Queuing}, or a pod running). Past it the attempt is stopped, since
   * allocated nodes cost money while they wait. Unset: no guard.
   *
   * @return gang-start timeout
   */
  public abstract Optional<Duration> gangStartTimeout();

  /**
   * Whether an attempt stopped by the gang-start guard is followed by another (it counts as an
   * attempt). Default {@code true}; {@code false} ends the run as {@link RunOutcome#GANG_TIMEOUT}.
   *
   * @return whether to resubmit
   */
  @Value.Default
  public boolean resubmitOnGangTimeout() {
    return true;
  }

  /**
   * How often the running attempt is polled (GetJob, and the checkpoint store). Default 15 s.
   *
   * @return poll interval
   */
  @Value.Default
  public Duration pollInterval() {
    return Duration.ofSeconds(15);
  }

  /**
   * How long a stopped attempt may take to reach a terminal state before the run gives up with
   * {@link RunOutcome#ERROR} (and submits nothing more). Default 10 minutes.
   *
   * @return stop timeout
   */
  @Value.Default
  public Duration stopTimeout() {
    return Duration.ofMinutes(10);
  }

  /**
   * Pod log lines kept for a failed attempt (and read to find the last step of a preempted one),
   * and job events kept for a failed attempt. Default 50.
   *
   * @return line count
   */
  @Value.Default
  public int logTailLines() {
    return 50;
  }

  /**
   * The regular expression whose first group is the training step in a pod log line; the last match
   * in a preempted attempt's log tail is the last step it reached. Default {@value
   * #DEFAULT_STEP_LOG_PATTERN} (matches {@code step 37/100}, {@code step=37}).
   *
   * @return pattern
   */
  @Value.Default
  public String stepLogPattern() {
    return DEFAULT_STEP_LOG_PATTERN;
  }

  /**
   * The defaults: no resumption, 5 attempts, no deadline, budget, fallback or gang guard.
   *
   * @return default policy
   */
  public static SpotRunPolicy defaults() {
    return builder().build();
  }

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

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw invalid("maxAttempts", maxAttempts() + " is less than 1", "use e.g. 10");
    }
    positive("deadline", deadline());
    positive("budgetReserve", Optional.of(budgetReserve()));
    positive("fallbackWithinDeadline", fallbackWithinDeadline());
    positive("gangStartTimeout", gangStartTimeout());
    positive("pollInterval", Optional.of(pollInterval()));
    positive("stopTimeout", Optional.of(stopTimeout()));
    budget()
        .filter(b -> b.signum() <= 0)
        .ifPresent(
            b -> {
              throw invalid("budget", b.toPlainString() + " is not positive", "use e.g. 100.00");
            });
    if (fallbackAfterPreemptions().isPresent() && fallbackAfterPreemptions().getAsInt() < 1) {
      throw invalid("fallbackAfterPreemptions", "must be 1 or more", "use e.g. 3");
    }
    if (fallbackWithinDeadline().isPresent() && deadline().isEmpty()) {
      throw invalid(
          "fallbackWithinDeadline", "is set without a deadline", "set deadline(...) as well");
    }
    if (logTailLines() < 1 || logTailLines() > 2000) {
      throw invalid("logTailLines", logTailLines() + " is outside 1 to 2000", "use e.g. 50");
    }
    try {
      if (Pattern.compile(stepLogPattern()).matcher("").groupCount() < 1) {
        throw invalid("stepLogPattern", "has no group", "capture the step: (?i)\\bstep\\s+(\\d+)");
      }
    } catch (PatternSyntaxException e) {
      throw invalid("stepLogPattern", "is not a regular expression", "fix " + e.getDescription());
    }
  }

  private static void positive(String field, Optional<Duration> d) {
    d.filter(v -> v.isNegative() || v.isZero())
        .ifPresent(
            v -> {
              throw invalid(field, v + " is not positive", "use a positive duration");
            });
  }

  private static ValidationException invalid(String field, String problem, String fix) {
    return ValidationException.invalidField(field, problem, fix);
  }

  /** Builder for {@link SpotRunPolicy}. Not thread-safe. */
  public static final class Builder extends ImmutableSpotRunPolicy.Builder {
    Builder() {}
  }
}
