package dev.pailot.rag.store;

import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One result of a {@link VectorStore#search(VectorQuery)} or {@link LexicalSearch#searchText}: the
 * chunk (without its vector), its score and its 1-based rank in the result list.
 *
 * <p>For vector search the score is the store's {@link VectorSimilarity} between query and chunk
 * (exact for exact stores, approximate for quantized indexes); for lexical search it is the BM25
 * score. Higher is better in both. Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class SearchHit {
  /**
   * The chunk's id.
   *
   * @return the chunk id
   */
  public abstract String chunkId();

  /**
   * The id of the chunk's document.
   *
   * @return the document id
   */
  public abstract String documentId();

  /**
   * The chunk's text.
   *
   * @return the text
   */
  public abstract String text();

  /**
   * The chunk's metadata.
   *
   * @return the metadata
   */
  public abstract Map<String, String> metadata();

  /**
   * The score, higher is better.
   *
   * @return the score
   */
  public abstract float score();

  /**
   * The 1-based position in the result list (best first).
   *
   * @return the rank
   */
  public abstract int rank();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this hit.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (rank() < 1) {
      throw dev.pailot.core.error.ValidationException.invalidField(
          "rank", rank() + " is below 1", "ranks start at 1");
    }
  }

  /** Builder for {@link SearchHit}. Not thread-safe. */
  public static final class Builder extends ImmutableSearchHit.Builder {
    Builder() {}

    /**
     * Validates and builds the hit.
     *
     * @return the hit
     * @throws dev.pailot.core.error.ValidationException naming the missing field
     */
    @Override
    public SearchHit build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw StoreRules.missing("SearchHit", e);
      }
    }
  }
}
