package dev.pailot.rag.assemble;

import dev.pailot.core.internal.PailotStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The assembled prompt: system and user messages, the chunks cited in it, and how many context
 * tokens they took. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Prompt {
  /**
   * The system message.
   *
   * @return system
   */
  public abstract String system();

  /**
   * The user message with the context and the question.
   *
   * @return user
   */
  public abstract String user();

  /**
   * The chunks in the context, in prompt order.
   *
   * @return citations
   */
  public abstract List<Citation> citations();

  /**
   * Tokens of the context chunks, counted with the embedder's token counter.
   *
   * @return context tokens
   */
  public abstract int contextTokens();

  /**
   * Chunks that did not fit in the context token budget.
   *
   * @return dropped chunks
   */
  public abstract int droppedChunks();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Prompt}. Not thread-safe. */
  public static final class Builder extends ImmutablePrompt.Builder {
    Builder() {}
  }
}
