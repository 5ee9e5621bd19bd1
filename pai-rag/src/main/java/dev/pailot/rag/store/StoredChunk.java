package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One chunk of a document as a {@link VectorStore} keeps it: its id (unique in the store), the id
 * of the document it came from, its text, its embedding and string metadata usable in a {@link
 * MetadataFilter}.
 *
 * <pre>{@code
 * StoredChunk chunk = StoredChunk.builder()
 *     .id("guide.md#3")
 *     .documentId("guide.md")
 *     .text("EAS scales services by replicas.")
 *     .vector(embedding)
 *     .putMetadata("lang", "en")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #vector()} returns a copy. {@link Builder#build()} throws a
 * {@link ValidationException} naming the field when a value is missing, blank or not finite.
 */
@Value.Immutable
@PailotStyle
public abstract class StoredChunk {
  /**
   * The chunk's id, unique in the store. Upserting a chunk with an existing id replaces it.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The id of the document the chunk came from; {@link VectorStore#deleteDocument(String)} removes
   * every chunk carrying it.
   *
   * @return the document id
   */
  public abstract String documentId();

  /**
   * The chunk's text, returned with search hits and indexed for {@link LexicalSearch}.
   *
   * @return the text
   */
  public abstract String text();

  /**
   * The chunk's embedding. Every chunk in one store has the same dimension.
   *
   * @return a copy of the vector
   */
  public abstract float[] vector();

  /**
   * String metadata, filterable with {@link MetadataFilter}.
   *
   * @return the metadata
   */
  public abstract Map<String, String> metadata();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this chunk.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    StoreRules.notBlank("id", id());
    StoreRules.notBlank("documentId", documentId());
    StoreRules.vector("vector", vector());
    StoreRules.metadata(metadata());
  }

  @Override
  public String toString() {
    return "StoredChunk{id="
        + id()
        + ", documentId="
        + documentId()
        + ", dimension="
        + vector().length
        + ", textLength="
        + text().length()
        + ", metadata="
        + metadata()
        + "}";
  }

  /** Builder for {@link StoredChunk}. Not thread-safe. */
  public static final class Builder extends ImmutableStoredChunk.Builder {
    Builder() {}

    /**
     * Validates and builds the chunk.
     *
     * @return the chunk
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public StoredChunk build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw StoreRules.missing("StoredChunk", e);
      }
    }
  }
}
