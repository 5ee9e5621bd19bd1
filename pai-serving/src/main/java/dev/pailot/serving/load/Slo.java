package dev.pailot.serving.load;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Service-level objectives for goodput: a request counts as good only when it succeeded and meets
 * every objective that is set. Latencies are measured from the request's intended send time. With
 * no objective set, every successful request is good. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Slo {
  /**
   * Longest acceptable time to first token. A request without a TTFT (not streamed) is judged by
   * its end-to-end latency instead: its first token arrived with the whole answer.
   *
   * @return the TTFT objective
   */
  public abstract Optional<Duration> timeToFirstToken();

  /**
   * Longest acceptable mean time per output token; requests with fewer than two tokens pass.
   *
   * @return the TPOT objective
   */
  public abstract Optional<Duration> timePerOutputToken();

  /**
   * Longest acceptable end-to-end latency.
   *
   * @return the E2E objective
   */
  public abstract Optional<Duration> endToEnd();

  /**
   * No objectives: goodput equals throughput.
   *
   * @return the empty SLO
   */
  public static Slo none() {
    return builder().build();
  }

  /**
   * Whether a successful request with these latencies meets every objective set.
   *
   * @param ttft time to first token from the intended send time, if measured
   * @param tpot time per output token, if measured
   * @param e2e end-to-end latency from the intended send time
   * @return true when every objective that is set is met
   */
  public boolean isMet(Optional<Duration> ttft, Optional<Duration> tpot, Duration e2e) {
    if (timeToFirstToken().isPresent()
        && ttft.orElse(e2e).compareTo(timeToFirstToken().get()) > 0) {
      return false;
    }
    if (timePerOutputToken().isPresent()
        && tpot.isPresent()
        && tpot.get().compareTo(timePerOutputToken().get()) > 0) {
      return false;
    }
    return endToEnd().isEmpty() || e2e.compareTo(endToEnd().get()) <= 0;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Slo}. Not thread-safe. */
  public static final class Builder extends ImmutableSlo.Builder {
    Builder() {}
  }
}
