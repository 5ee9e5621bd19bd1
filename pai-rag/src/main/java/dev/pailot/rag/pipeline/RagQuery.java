package dev.pailot.rag.pipeline;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.rag.store.MetadataFilter;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One question to the pipeline, with optional per-request overrides. Plain data; immutable and
 * thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RagQuery {
  /**
   * The user's question. Required, not blank.
   *
   * @return question
   */
  public abstract String question();

  /**
   * Only chunks whose metadata match.
   *
   * @return filter
   */
  public abstract Optional<MetadataFilter> filter();

  /**
   * Candidates to retrieve; unset: the pipeline's (default 20).
   *
   * @return top K
   */
  public abstract Optional<Integer> topK();

  /**
   * Chunks to keep after reranking; unset: the pipeline's (default 3).
   *
   * @return top N
   */
  public abstract Optional<Integer> topN();

  /**
   * A query for {@code question} with the pipeline's defaults.
   *
   * @param question the question
   * @return the query
   * @throws ValidationException when the question is blank
   */
  public static RagQuery of(String question) {
    return builder().question(question).build();
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
    if (question().isBlank()) {
      throw ValidationException.invalidField("question", "is blank", "pass the user's question");
    }
    if (topK().orElse(1) < 1) {
      throw ValidationException.invalidField("topK", "must be at least 1", "use e.g. 20");
    }
    if (topN().orElse(1) < 1) {
      throw ValidationException.invalidField("topN", "must be at least 1", "use e.g. 3");
    }
  }

  /** Builder for {@link RagQuery}. Not thread-safe. */
  public static final class Builder extends ImmutableRagQuery.Builder {
    Builder() {}

    /**
     * Validates and builds the query.
     *
     * @return the query
     * @throws ValidationException naming the missing or invalid field and the fix
     */
    @Override
    public RagQuery build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw ValidationException.invalidField("question", "is not set", "set question(\"...\")");
      }
    }
  }
}
