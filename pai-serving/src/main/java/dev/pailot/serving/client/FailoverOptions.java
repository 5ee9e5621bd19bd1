package dev.pailot.serving.client;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the endpoint pool tracks health and fails over ({@link
 * InferenceClientBuilder#failover(FailoverOptions)}).
 *
 * <ul>
 *   <li><b>Outlier ejection</b> (as Envoy does it): {@link #consecutiveFailures()} endpoint faults
 *       in a row (connection failures, 5xx, streams broken before their first token, first-token
 *       timeouts) eject an endpoint for {@link #baseEjectionTime()} times the number of times it
 *       was ejected, up to {@link #maxEjectionTime()}; it is readmitted when that time is over. At
 *       most {@link #maxEjectionPercent()} of the pool is ejected at once, and never the last
 *       endpoint, so the pool never empties.
 *   <li><b>Circuit breaker</b> (Failsafe) per endpoint: {@link #breakerFailures()} faults among the
 *       last {@link #breakerWindow()} attempts open it; after {@link #breakerDelay()} it lets trial
 *       requests through (half-open) and closes after {@link #breakerSuccesses()} successes. Open
 *       breakers are not capped: when every endpoint's breaker is open, requests fail at once with
 *       an {@link EndpointUnavailableException}.
 *   <li><b>Active health check</b> (optional): every {@link #healthCheckInterval()} a {@code GET}
 *       of {@link #healthCheckPath()} on each endpoint; an endpoint failing it takes no traffic
 *       until it passes again (unless all fail it: then all are used).
 *   <li><b>Choice</b>: among usable endpoints (preferring, when there are any, those that passed
 *       their health check, are not backing off after a {@code Retry-After}, were not tried yet by
 *       the request, and are in {@link #preferredZone()}), two random ones are compared and the one
 *       with fewer requests in flight per unit of weight wins (ties: either). A retry thus fails
 *       over to another endpoint, another zone if need be.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link Builder#build()} throws a {@link ValidationException} naming
 * the invalid field.
 */
@Value.Immutable
@PailotStyle
public abstract class FailoverOptions {
  /**
   * Consecutive endpoint faults that eject an endpoint. Default 5.
   *
   * @return faults in a row, at least 1
   */
  @Value.Default
  public int consecutiveFailures() {
    return 5;
  }

  /**
   * First ejection time; the n-th ejection in a row lasts n times as long. Default 10 s.
   *
   * @return the base ejection time
   */
  @Value.Default
  public Duration baseEjectionTime() {
    return Duration.ofSeconds(10);
  }

  /**
   * Longest ejection. Default 5 min.
   *
   * @return the longest ejection time
   */
  @Value.Default
  public Duration maxEjectionTime() {
    return Duration.ofMinutes(5);
  }

  /**
   * Share of the pool that may be ejected at once, in percent; at least one endpoint of a pool of
   * two or more may always be ejected, and never the last one. Default 50.
   *
   * @return 0 (never eject) to 100
   */
  @Value.Default
  public int maxEjectionPercent() {
    return 50;
  }

  /**
   * Faults among the last {@link #breakerWindow()} attempts that open an endpoint's circuit
   * breaker. Default 5.
   *
   * @return faults, at least 1
   */
  @Value.Default
  public int breakerFailures() {
    return 5;
  }

  /**
   * Attempts the circuit breaker looks back on. Default 10.
   *
   * @return attempts, at least {@link #breakerFailures()}
   */
  @Value.Default
  public int breakerWindow() {
    return 10;
  }

  /**
   * How long an open breaker stays open before it lets trial requests through. Default 15 s.
   *
   * @return the open time
   */
  @Value.Default
  public Duration breakerDelay() {
    return Duration.ofSeconds(15);
  }

  /**
   * Successful trial requests that close a half-open breaker (also how many may run at once).
   * Default 2.
   *
   * @return successes, at least 1
   */
  @Value.Default
  public int breakerSuccesses() {
    return 2;
  }

  /**
   * Path probed by the active health check, below the endpoint (for a base URL ending in {@code
   * /v1}, below its parent), e.g. {@code /health} (vLLM, SGLang) or {@code /v1/models}. Default: no
   * active check.
   *
   * @return the path, starting with {@code /}
   */
  public abstract Optional<String> healthCheckPath();

  /**
   * Time between active health checks. Default 5 s.
   *
   * @return the interval
   */
  @Value.Default
  public Duration healthCheckInterval() {
    return Duration.ofSeconds(5);
  }

  /**
   * The zone whose endpoints ({@link Endpoint#zone()}) take the traffic while any of them is
   * usable; the others serve only as failover. Default: none (all endpoints alike).
   *
   * @return the preferred zone
   */
  public abstract Optional<String> preferredZone();

  /**
   * The defaults.
   *
   * @return default options
   */
  public static FailoverOptions defaults() {
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
    atLeast("consecutiveFailures", consecutiveFailures(), 1);
    atLeast("breakerFailures", breakerFailures(), 1);
    atLeast("breakerSuccesses", breakerSuccesses(), 1);
    atLeast("breakerWindow", breakerWindow(), breakerFailures());
    if (maxEjectionPercent() < 0 || maxEjectionPercent() > 100) {
      throw ValidationException.invalidField(
          "maxEjectionPercent", maxEjectionPercent() + " is outside [0, 100]", "use e.g. 50");
    }
    positive("baseEjectionTime", baseEjectionTime());
    positive("maxEjectionTime", maxEjectionTime());
    positive("breakerDelay", breakerDelay());
    positive("healthCheckInterval", healthCheckInterval());
    if (maxEjectionTime().compareTo(baseEjectionTime()) < 0) {
      throw ValidationException.invalidField(
          "maxEjectionTime", "is shorter than baseEjectionTime", "use at least baseEjectionTime");
    }
    healthCheckPath()
        .ifPresent(
            p -> {
              if (!p.startsWith("/") || p.contains("?")) {
                throw ValidationException.invalidField(
                    "healthCheckPath", "\"" + p + "\" is not a path", "use e.g. /health");
              }
            });
    preferredZone().ifPresent(z -> RequestRules.notBlank("preferredZone", z, "name a zone"));
  }

  private static void atLeast(String field, int value, int min) {
    if (value < min) {
      throw ValidationException.invalidField(field, value + " is below " + min, "use " + min);
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw ValidationException.invalidField(
          field, d + " is not positive", "use e.g. Duration.ofSeconds(10)");
    }
  }

  /** Builder for {@link FailoverOptions}. Not thread-safe. */
  public static final class Builder extends ImmutableFailoverOptions.Builder {
    Builder() {}
  }
}
