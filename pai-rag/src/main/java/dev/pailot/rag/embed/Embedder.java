package dev.pailot.rag.embed;

import java.util.List;

/**
 * Turns texts into vectors. Implementations are thread-safe; vectors come back in input order, all
 * of {@link #dimension()} floats and L2-normalised, so a dot product is the cosine similarity.
 *
 * <p>{@link MiniLmEmbedder} runs all-MiniLM-L6-v2 in-process; {@link RemoteEmbedder} calls an
 * OpenAI-compatible {@code /v1/embeddings} endpoint on EAS through the inference client.
 */
public interface Embedder extends AutoCloseable {
  /**
   * Embeds texts, blocking until all vectors are computed. Interrupting the calling thread abandons
   * the call.
   *
   * @param texts texts, at least one
   * @return one vector per text, in input order
   * @throws dev.pailot.core.error.PaiException when a remote model fails
   */
  List<float[]> embed(List<String> texts);

  /**
   * Embeds one text.
   *
   * @param text the text
   * @return its vector
   */
  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * The vector length.
   *
   * @return dimension
   */
  int dimension();

  /**
   * A short name for reports and cache keys, e.g. {@code all-minilm-l6-v2}.
   *
   * @return name
   */
  String name();

  /**
   * How this model counts tokens: its own tokenizer when available, otherwise {@link
   * TokenCounter#approximate()}. The chunker and the context budget use it.
   *
   * @return token counter
   */
  default TokenCounter tokenCounter() {
    return TokenCounter.approximate();
  }

  /** Releases the model's resources. Default: nothing to release. */
  @Override
  default void close() {}
}
