package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How one request went, measured by the client with a monotonic clock. Every duration starts when
 * the request was handed to the client, so time queued in the client's admission stage is included;
 * {@link #queueWait()} says how much of it that was. Immutable and thread-safe.
 *
 * <p>{@link #timeToFirstToken()}, {@link #timePerOutputToken()} and {@link #interTokenLatency()}
 * are measured on streamed answers only. Always {@code timeToFirstToken() <= endToEnd()}.
 */
@Value.Immutable
@PailotStyle
public abstract class Timings {
  /**
   * Time spent queued in the client's admission stage before the HTTP call started.
   *
   * @return queue wait
   */
  public abstract Duration queueWait();

  /**
   * Time to the first non-empty delta (TTFT), streamed answers only.
   *
   * @return time to first token
   */
  public abstract Optional<Duration> timeToFirstToken();

  /**
   * Mean time per output token after the first (TPOT): (last delta − first delta) ÷ (output tokens
   * − 1); streamed answers with at least two output tokens only.
   *
   * @return time per output token
   */
  public abstract Optional<Duration> timePerOutputToken();

  /**
   * Gaps between consecutive deltas (ITL), streamed answers with at least two deltas only.
   *
   * @return inter-token latency summary
   */
  public abstract Optional<InterTokenLatency> interTokenLatency();

  /**
   * Time until the answer was complete (E2E).
   *
   * @return end-to-end latency
   */
  public abstract Duration endToEnd();

  /**
   * Prompt tokens as the engine reported them; 0 when it reported no usage.
   *
   * @return tokens in
   */
  public abstract int tokensIn();

  /**
   * Output tokens as the engine reported them; when it reported no usage, the number of non-empty
   * deltas received (streams) or 0.
   *
   * @return tokens out
   */
  public abstract int tokensOut();

  /**
   * HTTP attempts made for this request (1 unless retried).
   *
   * @return attempts
   */
  public abstract int attempts();

  /**
   * The endpoint that answered, without credentials or query.
   *
   * @return endpoint
   */
  public abstract String endpoint();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Timings}. Not thread-safe. */
  public static final class Builder extends ImmutableTimings.Builder {
    Builder() {}
  }
}
