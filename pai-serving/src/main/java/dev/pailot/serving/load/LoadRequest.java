package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One request the load generator asks a {@link LoadTarget} to send: its position in the schedule
 * and the prompt and output lengths drawn for it. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class LoadRequest {
  /**
   * Position in the run's schedule, from 0 (warm-up requests included).
   *
   * @return the index
   */
  public abstract int index();

  /**
   * Prompt length to send, in tokens (approximate: one short word per token).
   *
   * @return prompt tokens, at least 1
   */
  public abstract int promptTokens();

  /**
   * Output length to ask for ({@code max_tokens}).
   *
   * @return output tokens, at least 1
   */
  public abstract int outputTokens();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (index() < 0) {
      throw ValidationException.invalidField("index", index() + " is negative", "use 0 or more");
    }
    if (promptTokens() < 1 || outputTokens() < 1) {
      throw ValidationException.invalidField(
          "promptTokens/outputTokens", "must be at least 1", "use lengths of 1 or more");
    }
  }

  /** Builder for {@link LoadRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableLoadRequest.Builder {
    Builder() {}
  }
}
