package dev.pailot.rag.assemble;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * How the prompt is written: a system message and a user message with the placeholders {@code
 * {context}} and {@code {question}}; each context chunk is written with {@link #chunkFormat()}
 * ({@code {n}} the citation number, {@code {chunk}} the chunk id, {@code {text}} its text).
 * Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class PromptTemplate {
  /**
   * The system message.
   *
   * @return system message
   */
  @Value.Default
  public String system() {
    return "Answer the question using only the numbered context. Cite every fact with its number "
        + "in brackets, e.g. [1]. If the context does not contain the answer, say so.";
  }

  /**
   * The user message, with {@code {context}} and {@code {question}}.
   *
   * @return user template
   */
  @Value.Default
  public String user() {
    return "Context:\n{context}\nQuestion: {question}";
  }

  /**
   * One context chunk, with {@code {n}}, {@code {chunk}} and {@code {text}}.
   *
   * @return chunk format
   */
  @Value.Default
  public String chunkFormat() {
    return "[{n}] {text}\n";
  }

  /**
   * The default template.
   *
   * @return template
   */
  public static PromptTemplate defaults() {
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
    if (!user().contains("{question}")) {
      throw ValidationException.invalidField(
          "user", "has no {question} placeholder", "add {question} where the question goes");
    }
    if (!user().contains("{context}")) {
      throw ValidationException.invalidField(
          "user", "has no {context} placeholder", "add {context} where the chunks go");
    }
    if (!chunkFormat().contains("{text}")) {
      throw ValidationException.invalidField(
          "chunkFormat", "has no {text} placeholder", "use e.g. \"[{n}] {text}\\n\"");
    }
  }

  /** Builder for {@link PromptTemplate}. Not thread-safe. */
  public static final class Builder extends ImmutablePromptTemplate.Builder {
    Builder() {}
  }
}
