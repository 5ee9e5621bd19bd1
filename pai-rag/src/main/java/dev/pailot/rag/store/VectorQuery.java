package dev.pailot.rag.store;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A nearest-neighbour query: the query embedding, how many hits to return and an optional metadata
 * filter applied during the search (not after it, so a selective filter still returns up to {@link
 * #topK()} hits).
 *
 * <pre>{@code
 * VectorQuery query = VectorQuery.builder()
 *     .vector(queryEmbedding)
 *     .topK(20)
 *     .filter(MetadataFilter.equalTo("lang", "en"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #vector()} returns a copy.
 */
@Value.Immutable
@PailotStyle
public abstract class VectorQuery {
  /** Default number of hits. */
  public static final int DEFAULT_TOP_K = 10;

  /**
   * The query embedding, of the store's dimension.
   *
   * @return a copy of the vector
   */
  public abstract float[] vector();

  /**
   * How many hits to return at most; defaults to {@value #DEFAULT_TOP_K}.
   *
   * @return top K, at least 1
   */
  @Value.Default
  public int topK() {
    return DEFAULT_TOP_K;
  }

  /**
   * Only chunks matching this filter are returned.
   *
   * @return the filter, if any
   */
  public abstract Optional<MetadataFilter> filter();

  /**
   * A query for the {@code topK} nearest chunks to {@code vector}, without a filter.
   *
   * @param vector the query embedding
   * @param topK how many hits
   * @return the query
   * @throws ValidationException if the vector is empty or not finite, or topK is below 1
   */
  public static VectorQuery of(float[] vector, int topK) {
    return builder().vector(vector).topK(topK).build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this query.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    StoreRules.vector("vector", vector());
    if (topK() < 1) {
      throw ValidationException.invalidField(
          "topK", topK() + " is below 1", "ask for at least one hit, e.g. 20");
    }
  }

  @Override
  public String toString() {
    return "VectorQuery{dimension="
        + vector().length
        + ", topK="
        + topK()
        + ", filter="
        + filter()
        + "}";
  }

  /** Builder for {@link VectorQuery}. Not thread-safe. */
  public static final class Builder extends ImmutableVectorQuery.Builder {
    Builder() {}

    /**
     * Validates and builds the query.
     *
     * @return the query
     * @throws ValidationException naming the missing or invalid field
     */
    @Override
    public VectorQuery build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw StoreRules.missing("VectorQuery", e);
      }
    }
  }
}
