package dev.pailot.training;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@link DlcClient#followLogs} polls {@code GetPodLogs}.
 *
 * <p>Each poll asks for the window from the previous poll's end to "now minus {@link
 * #settleDelay()}", in whole seconds (DLC's time format). The boundary second is asked for twice,
 * and the lines it repeats are recognised and skipped, so each line is delivered once. Lines the
 * log service receives later than {@code settleDelay} after they were written can be missed, and a
 * window with more than {@link #maxLinesPerPoll()} lines is cut by DLC: poll more often for chatty
 * pods.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class LogFollowOptions {
  /**
   * Delay between polls. Default 2 s.
   *
   * @return poll interval
   */
  @Value.Default
  public Duration pollInterval() {
    return Duration.ofSeconds(2);
  }

  /**
   * Lines asked for per poll ({@code MaxLines}), 1 to 10,000. Default 2,000 (DLC's default).
   *
   * @return line cap
   */
  @Value.Default
  public int maxLinesPerPoll() {
    return 2000;
  }

  /**
   * How far behind "now" each window ends, so late-arriving lines are not skipped. Default 3 s.
   *
   * @return settle delay
   */
  @Value.Default
  public Duration settleDelay() {
    return Duration.ofSeconds(3);
  }

  /**
   * Where the first window starts ({@code StartTime}); DLC's default window (the last 7 days) when
   * unset, so existing lines come first.
   *
   * @return start
   */
  public abstract Optional<Instant> since();

  /**
   * One incarnation of the pod ({@code PodUid}), e.g. before a restart.
   *
   * @return pod UID
   */
  public abstract Optional<String> podUid();

  /**
   * The defaults: poll every 2 s, 2,000 lines per poll, 3 s settle delay, from DLC's default
   * window.
   *
   * @return defaults
   */
  public static LogFollowOptions defaults() {
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

  @Value.Check
  void check() {
    if (pollInterval().isNegative() || pollInterval().isZero()) {
      throw ValidationException.invalidField(
          "pollInterval", "must be positive", "use e.g. Duration.ofSeconds(2)");
    }
    if (maxLinesPerPoll() < 1 || maxLinesPerPoll() > 10_000) {
      throw ValidationException.invalidField(
          "maxLinesPerPoll", maxLinesPerPoll() + " is outside 1 to 10000", "use e.g. 2000");
    }
    if (settleDelay().isNegative()) {
      throw ValidationException.invalidField(
          "settleDelay", "is negative", "use Duration.ZERO or more");
    }
  }

  /** Builder for {@link LogFollowOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableLogFollowOptions.Builder {
    Builder() {}
  }
}
