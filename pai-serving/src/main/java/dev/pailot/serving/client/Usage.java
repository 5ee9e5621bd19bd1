package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** Token counts the engine reported ({@code usage}). Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class Usage {
  /**
   * Tokens in the prompt ({@code prompt_tokens}).
   *
   * @return prompt tokens
   */
  public abstract int promptTokens();

  /**
   * Tokens generated ({@code completion_tokens}).
   *
   * @return completion tokens
   */
  public abstract int completionTokens();

  /**
   * Prompt plus completion tokens ({@code total_tokens}).
   *
   * @return total tokens
   */
  public abstract int totalTokens();

  /**
   * Prompt tokens served from the engine's prefix cache ({@code
   * prompt_tokens_details.cached_tokens}), when the engine reports it.
   *
   * @return cached tokens
   */
  public abstract Optional<Integer> cachedTokens();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Usage}. Not thread-safe. */
  public static final class Builder extends ImmutableUsage.Builder {
    Builder() {}
  }
}
