package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * A compact summary of the gaps between consecutive streamed deltas of one request (inter-token
 * latency): count, mean and maximum, and optionally a histogram over {@link #BUCKET_BOUNDS}.
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class InterTokenLatency {
  /**
   * Upper bounds (inclusive) of the histogram buckets; a last, unbounded bucket follows them, so
   * {@link #bucketCounts()} has one more entry than this list.
   */
  public static final List<Duration> BUCKET_BOUNDS =
      List.of(
          Duration.ofMillis(1),
          Duration.ofMillis(2),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(20),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5));

  /**
   * How many gaps were measured (deltas received minus one).
   *
   * @return gap count
   */
  public abstract int count();

  /**
   * The mean gap.
   *
   * @return mean
   */
  public abstract Duration mean();

  /**
   * The longest gap: a stall in the stream shows here.
   *
   * @return max
   */
  public abstract Duration max();

  /**
   * Gaps per bucket of {@link #BUCKET_BOUNDS} plus the unbounded last bucket; empty unless the
   * client was built with {@code interTokenHistogram(true)}.
   *
   * @return bucket counts
   */
  public abstract List<Integer> bucketCounts();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link InterTokenLatency}. Not thread-safe. */
  public static final class Builder extends ImmutableInterTokenLatency.Builder {
    Builder() {}
  }
}
