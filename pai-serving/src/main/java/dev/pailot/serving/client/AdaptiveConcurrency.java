package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import java.time.Duration;

/**
 * Settings of the adaptive concurrency limit ({@link
 * InferenceClientBuilder#adaptiveConcurrency(AdaptiveConcurrency)}): the limit starts at {@code
 * initialLimit} and moves between {@code minLimit} and {@code maxLimit} following time to first
 * token (time to the answer for non-streamed calls); batch requests may hold at most {@code (1 -
 * interactiveShare)} of it. Immutable; the constructor throws a {@link ValidationException} naming
 * the invalid field.
 *
 * @param minLimit the lowest the limit goes, at least 1
 * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
 * @param maxLimit the highest the limit goes
 * @param interactiveShare the share of the limit kept for interactive requests, in {@code [0, 1)}
 * @param firstTokenTarget the objective for the 99th percentile of time to first token, or {@code
 *     null} (the default) to follow the latency's own trend
 */
public record AdaptiveConcurrency(
    int minLimit,
    int initialLimit,
    int maxLimit,
    double interactiveShare,
    Duration firstTokenTarget) {
  /** Default {@link #interactiveShare()} of {@link #of(int, int, int)}. */
  public static final double DEFAULT_INTERACTIVE_SHARE = 0.2;

  /**
   * Validates the settings.
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
   * @param maxLimit the highest the limit goes
   * @param interactiveShare the share kept for interactive requests, in {@code [0, 1)}
   * @param firstTokenTarget the time to first token the limit steers to, or {@code null} to follow
   *     the latency's own trend (see {@link #withFirstTokenTarget})
   */
  public AdaptiveConcurrency {
    if (minLimit < 1) {
      throw ValidationException.invalidField("minLimit", minLimit + " is below 1", "use 1 or more");
    }
    if (initialLimit < minLimit || initialLimit > maxLimit) {
      throw ValidationException.invalidField(
          "initialLimit",
          initialLimit + " is outside [" + minLimit + ", " + maxLimit + "]",
          "use a value between minLimit and maxLimit");
    }
    if (!(interactiveShare >= 0 && interactiveShare < 1)) {
      throw ValidationException.invalidField(
          "interactiveShare", interactiveShare + " is outside [0, 1)", "use e.g. 0.2");
    }
    if (firstTokenTarget != null && (firstTokenTarget.isNegative() || firstTokenTarget.isZero())) {
      throw ValidationException.invalidField(
          "firstTokenTarget",
          firstTokenTarget + " is not positive",
          "use your time-to-first-token objective, e.g. Duration.ofSeconds(1)");
    }
  }

  /**
   * Settings without a first-token target.
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
   * @param maxLimit the highest the limit goes
   * @param interactiveShare the share kept for interactive requests, in {@code [0, 1)}
   */
  public AdaptiveConcurrency(
      int minLimit, int initialLimit, int maxLimit, double interactiveShare) {
    this(minLimit, initialLimit, maxLimit, interactiveShare, null);
  }

  /**
   * The same settings, steering to a time-to-first-token objective instead of the latency's own
   * trend. Netflix concurrency-limits' {@code AIMDLimit} then runs behind its {@code WindowedLimit}
   * with a 99th-percentile window of at least 10 samples, closed every 250 ms to 1 s: a window
   * whose 99th percentile is above {@code target} is congested. The limit starts like TCP: it
   * doubles once per round trip until the first congested window, which halves it; from then on a
   * congested window cuts it by 10 % and any other window in which it was at least half used raises
   * it by one. A stream's time to first token counts as soon as it arrives, not when the stream
   * ends. Use it when you know the objective (an SLO on time to first token) and cannot steer by
   * the engine's own metrics; see {@code docs/client.md}.
   *
   * <p>The target covers the HTTP call only, not the time a request waits in the client's queue,
   * while an SLO usually counts from when the application asked: set it to about half the SLO. In
   * the client guide's goodput benchmark (1 s SLO) a 500 ms target reached 0.98x-1.00x the goodput
   * of the best fixed limit in four runs, a 1 s target 0.90x-0.97x.
   *
   * @param target the objective for the 99th percentile of time to first token (time to the answer
   *     for non-streamed calls), measured from the start of the HTTP call
   * @return new settings
   */
  public AdaptiveConcurrency withFirstTokenTarget(Duration target) {
    return new AdaptiveConcurrency(minLimit, initialLimit, maxLimit, interactiveShare, target);
  }

  /**
   * Settings with the default interactive share ({@value #DEFAULT_INTERACTIVE_SHARE}).
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit
   * @param maxLimit the highest the limit goes
   * @return the settings
   */
  public static AdaptiveConcurrency of(int minLimit, int initialLimit, int maxLimit) {
    return new AdaptiveConcurrency(minLimit, initialLimit, maxLimit, DEFAULT_INTERACTIVE_SHARE);
  }
}
