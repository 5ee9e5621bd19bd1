package dev.pailot.serving.client;

import dev.pailot.core.internal.PailotStyle;
import org.immutables.value.Value;

/**
 * One embedding vector and the position of its input. Immutable and thread-safe; the vector array
 * is copied in and out.
 */
@Value.Immutable
@PailotStyle
public abstract class Embedding {
  /**
   * The index of the input in {@link EmbeddingRequest#inputs()}.
   *
   * @return index
   */
  @Value.Parameter
  public abstract int index();

  /**
   * The vector.
   *
   * @return a copy of the vector
   */
  @Value.Parameter
  public abstract float[] vector();

  /**
   * An embedding.
   *
   * @param index the input's index
   * @param vector the vector (copied)
   * @return the embedding
   */
  public static Embedding of(int index, float[] vector) {
    return ImmutableEmbedding.of(index, vector);
  }
}
