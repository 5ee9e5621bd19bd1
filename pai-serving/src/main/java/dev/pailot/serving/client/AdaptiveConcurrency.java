package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;

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
 */
public record AdaptiveConcurrency(
    int minLimit, int initialLimit, int maxLimit, double interactiveShare) {
  /** Default {@link #interactiveShare()} of {@link #of(int, int, int)}. */
  public static final double DEFAULT_INTERACTIVE_SHARE = 0.2;

  /**
   * Validates the settings.
   *
   * @param minLimit the lowest the limit goes, at least 1
   * @param initialLimit the starting limit, between {@code minLimit} and {@code maxLimit}
   * @param maxLimit the highest the limit goes
   * @param interactiveShare the share kept for interactive requests, in {@code [0, 1)}
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
