package dev.pailot.rag.ingest;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A document to ingest: a stable id, its text and metadata copied to every chunk (title, source,
 * language, ...). Plain data; immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class Document {
  /**
   * A stable id: ingesting a document with the same id replaces its chunks.
   *
   * @return id
   */
  public abstract String id();

  /**
   * The text.
   *
   * @return text
   */
  public abstract String text();

  /**
   * Metadata copied to every chunk (filterable in the store).
   *
   * @return metadata
   */
  public abstract Map<String, String> metadata();

  /**
   * A document without metadata.
   *
   * @param id stable id
   * @param text text
   * @return the document
   */
  public static Document of(String id, String text) {
    return builder().id(id).text(text).build();
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
    if (id().isBlank()) {
      throw ValidationException.invalidField("id", "is blank", "give every document a stable id");
    }
  }

  /** Builder for {@link Document}. Not thread-safe. */
  public static final class Builder extends ImmutableDocument.Builder {
    Builder() {}

    /**
     * Validates and builds the document.
     *
     * @return the document
     * @throws ValidationException naming the missing field and the fix
     */
    @Override
    public Document build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw ValidationException.invalidField(
            "id or text", "is not set", "set both id(\"...\") and text(\"...\")");
      }
    }
  }
}
