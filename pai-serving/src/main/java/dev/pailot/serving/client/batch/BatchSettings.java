package dev.pailot.serving.client.batch;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a batcher coalesces single calls into batched HTTP calls. A batch leaves as soon as it is
 * full ({@link #maxItems()} or {@link #maxTokens()}) or a sender slot frees up, and never waits
 * longer than {@link #maxWait()} while a slot is free; at most {@link #maxInFlight()} batches are
 * in flight, and at most {@link #maxPending()} items wait.
 *
 * <pre>{@code
 * BatchSettings settings = BatchSettings.builder()
 *     .maxItems(64).maxTokens(8192).maxWait(Duration.ofMillis(5)).maxInFlight(4).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} validates every field and throws a {@link
 * ValidationException} naming the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class BatchSettings {
  /**
   * Most items in one batch: texts for embeddings, documents for rerank. Default 64.
   *
   * @return max items
   */
  @Value.Default
  public int maxItems() {
    return 64;
  }

  /**
   * Most estimated tokens in one batch (see {@link #tokenEstimator()}). An item larger than this on
   * its own still leaves, alone. Default 8192.
   *
   * @return max tokens
   */
  @Value.Default
  public int maxTokens() {
    return 8192;
  }

  /**
   * Longest an item waits for more items to join its batch while a sender slot is free. When all
   * slots are busy, items wait for a slot instead (so the added wait is at most {@code maxWait}
   * plus one batch's time). Zero sends at once whenever a slot is free. Default 5 ms.
   *
   * @return max wait
   */
  @Value.Default
  public Duration maxWait() {
    return Duration.ofMillis(5);
  }

  /**
   * Most batches in flight at once (sender slots). Default 4.
   *
   * @return max batches in flight
   */
  @Value.Default
  public int maxInFlight() {
    return 4;
  }

  /**
   * Most submitted items waiting for a batch; one more is refused at once with an {@link
   * dev.pailot.serving.client.AdmissionRejectedException} of reason {@code QUEUE_FULL}. Default
   * 4096.
   *
   * @return max pending items
   */
  @Value.Default
  public int maxPending() {
    return 4096;
  }

  /**
   * Estimates each text's tokens for {@link #maxTokens()}. Default {@link
   * TokenEstimator#charsPerToken(int) charsPerToken(4)}.
   *
   * @return the estimator
   */
  @Value.Default
  @Value.Auxiliary
  public TokenEstimator tokenEstimator() {
    return TokenEstimator.charsPerToken(4);
  }

  /**
   * Whether a batch answered HTTP 413 (payload too large) is split in halves and each half sent
   * again, within the same sender slot, until single items remain. Default {@code true}.
   *
   * @return whether to split on 413
   */
  @Value.Default
  public boolean splitOnTooLarge() {
    return true;
  }

  /**
   * How long {@code close()} waits for pending and in-flight batches before failing what is left.
   * Default 30 s.
   *
   * @return the drain timeout
   */
  @Value.Default
  public Duration closeTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * The defaults.
   *
   * @return default settings
   */
  public static BatchSettings defaults() {
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
   * A builder initialised from these settings.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    atLeastOne("maxItems", maxItems());
    atLeastOne("maxTokens", maxTokens());
    atLeastOne("maxInFlight", maxInFlight());
    atLeastOne("maxPending", maxPending());
    if (maxWait().isNegative()) {
      throw ValidationException.invalidField(
          "maxWait", "is negative", "use zero to send at once, or e.g. Duration.ofMillis(5)");
    }
    if (closeTimeout().isNegative()) {
      throw ValidationException.invalidField(
          "closeTimeout", "is negative", "use zero to fail pending items at once on close");
    }
  }

  private static void atLeastOne(String field, int value) {
    if (value < 1) {
      throw ValidationException.invalidField(
          field, "is " + value + ", must be at least 1", "use a positive value");
    }
  }

  /** Builder for {@link BatchSettings}. Not thread-safe. */
  public static final class Builder extends ImmutableBatchSettings.Builder {
    Builder() {}

    /**
     * Validates and builds the settings.
     *
     * @return the settings
     * @throws ValidationException naming the invalid field and the fix
     */
    @Override
    public BatchSettings build() {
      return super.build();
    }
  }
}
