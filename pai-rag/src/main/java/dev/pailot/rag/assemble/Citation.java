package dev.pailot.rag.assemble;

import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A context chunk as the prompt cites it: {@code [number]} in the prompt and the answer, and the
 * chunk and document it came from. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Citation {
  /**
   * The marker number in the prompt, from 1.
   *
   * @return number
   */
  public abstract int number();

  /**
   * The chunk's id in the vector store.
   *
   * @return chunk id
   */
  public abstract String chunkId();

  /**
   * The chunk's document.
   *
   * @return document id
   */
  public abstract String documentId();

  /**
   * The reranker's score (or the vector score when reranking was skipped).
   *
   * @return score
   */
  public abstract double score();

  /**
   * The chunk's metadata (title, source, ...).
   *
   * @return metadata
   */
  public abstract Map<String, String> metadata();

  /**
   * The chunk's text as it went into the prompt.
   *
   * @return text
   */
  public abstract String text();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Citation}. Not thread-safe. */
  public static final class Builder extends ImmutableCitation.Builder {
    Builder() {}
  }
}
