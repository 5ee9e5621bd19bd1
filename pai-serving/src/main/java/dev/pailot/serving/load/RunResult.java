package dev.pailot.serving.load;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one load run measured over its measured window (warm-up excluded). Every latency counts from
 * the request's intended send time, so a stalled server or a saturated generator shows up as
 * latency rather than as fewer requests (no coordinated omission). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RunResult {
  /**
   * The run's label.
   *
   * @return the label
   */
  public abstract String label();

  /**
   * The value a sweep varied for this run (offered rate, concurrency limit); the target rate for a
   * single run.
   *
   * @return the sweep value
   */
  public abstract double sweepValue();

  /**
   * Requests per second scheduled in the measured window.
   *
   * @return the offered rate
   */
  public abstract double offeredRate();

  /**
   * From the start of the measured window to the last measured answer (at least the window).
   *
   * @return the elapsed time rates are computed over
   */
  public abstract Duration elapsed();

  /**
   * Requests scheduled in the measured window.
   *
   * @return the request count
   */
  public abstract int requests();

  /**
   * Measured requests that succeeded.
   *
   * @return successes
   */
  public abstract int succeeded();

  /**
   * Measured requests that failed (errors, rejections, timeouts, drain cancellations).
   *
   * @return failures
   */
  public abstract int failed();

  /**
   * Measured requests that succeeded and met every SLO.
   *
   * @return good requests
   */
  public abstract int good();

  /**
   * Warm-up requests sent and left out.
   *
   * @return the warm-up count
   */
  public abstract int warmupRequests();

  /**
   * Most requests in flight at once during the run.
   *
   * @return the peak
   */
  public abstract int peakInFlight();

  /**
   * Successful requests per second over {@link #elapsed()}.
   *
   * @return throughput
   */
  public abstract double throughput();

  /**
   * Good requests per second over {@link #elapsed()}.
   *
   * @return goodput
   */
  public abstract double goodput();

  /**
   * Output tokens of successful requests per second over {@link #elapsed()}.
   *
   * @return output tokens per second
   */
  public abstract double outputTokensPerSecond();

  /**
   * Time to first token from the intended send time, successful streamed requests.
   *
   * @return TTFT percentiles
   */
  public abstract Optional<LatencySummary> timeToFirstToken();

  /**
   * Time per output token, successful streamed requests with two or more tokens.
   *
   * @return TPOT percentiles
   */
  public abstract Optional<LatencySummary> timePerOutputToken();

  /**
   * End-to-end latency from the intended send time, successful requests.
   *
   * @return E2E percentiles
   */
  public abstract Optional<LatencySummary> endToEnd();

  /**
   * How late sends left relative to their intended times (the generator's own lag, plus waits for
   * the closed-loop cap), all measured requests.
   *
   * @return send-lag percentiles
   */
  public abstract Optional<LatencySummary> sendLag();

  /**
   * Failures by exception type (simple class name).
   *
   * @return failure counts
   */
  public abstract Map<String, Integer> errors();

  /**
   * Good requests as a share of all measured requests.
   *
   * @return the share in {@code [0, 1]}; 0 with no requests
   */
  public double goodShare() {
    return requests() == 0 ? 0 : (double) good() / requests();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RunResult}. Not thread-safe. */
  public static final class Builder extends ImmutableRunResult.Builder {
    Builder() {}
  }
}
