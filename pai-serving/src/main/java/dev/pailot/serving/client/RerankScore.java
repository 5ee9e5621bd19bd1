package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** One scored document of a rerank answer. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class RerankScore {
  /**
   * The index of the document in {@link RerankRequest#documents()}.
   *
   * @return index
   */
  public abstract int index();

  /**
   * The relevance score; higher is more relevant.
   *
   * @return score
   */
  public abstract double relevanceScore();

  /**
   * The document's text, when {@link RerankRequest#returnDocuments()} asked for it.
   *
   * @return document
   */
  public abstract Optional<String> document();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RerankScore}. Not thread-safe. */
  public static final class Builder extends ImmutableRerankScore.Builder {
    Builder() {}
  }
}
