package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snapshot of one pool endpoint's health ({@link InferenceClient#endpointStatus()}), for
 * dashboards and tests. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class EndpointStatus {
  /** Whether and why an endpoint takes traffic. */
  public enum State {
    /** Takes traffic. */
    AVAILABLE,
    /** Ejected as an outlier until {@link #ejectedFor()} has passed. */
    EJECTED,
    /** Its circuit breaker is open; it takes no traffic until the breaker's delay passed. */
    CIRCUIT_OPEN,
    /** Its circuit breaker lets a few trial requests through. */
    CIRCUIT_HALF_OPEN,
    /** It failed its last active health check. */
    UNHEALTHY,
    /** It asked to be left alone ({@code Retry-After}) for {@link #ejectedFor()}. */
    BACKING_OFF
  }

  /**
   * The endpoint URL, without credentials.
   *
   * @return the URL
   */
  public abstract String url();

  /**
   * Its state now.
   *
   * @return the state
   */
  public abstract State state();

  /**
   * Requests in flight to it now.
   *
   * @return in-flight attempts
   */
  public abstract int inFlight();

  /**
   * Attempts sent to it since the client started.
   *
   * @return attempts
   */
  public abstract long attempts();

  /**
   * Attempts that ended in an endpoint fault (connection failure, 5xx, a stream broken before its
   * first token, a first-token timeout).
   *
   * @return faults
   */
  public abstract long faults();

  /**
   * Times it was ejected as an outlier.
   *
   * @return ejections
   */
  public abstract long ejections();

  /**
   * Time left until it takes traffic again, when {@link #state()} is {@link State#EJECTED} or
   * {@link State#BACKING_OFF}.
   *
   * @return remaining time
   */
  public abstract Optional<Duration> ejectedFor();

  /**
   * Moving average of its time to first token (time to the answer when not streamed).
   *
   * @return latency average, empty before the first success
   */
  public abstract Optional<Duration> latencyAverage();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link EndpointStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableEndpointStatus.Builder {
    Builder() {}
  }
}
