package dev.pailot.serving.client.batch;

/**
 * Estimates how many tokens a text costs the model, so a batcher can keep each batch under its
 * token budget without running the model's tokenizer. Implementations must be thread-safe and fast:
 * the batcher calls one for every submitted text, on the caller's thread.
 */
@FunctionalInterface
public interface TokenEstimator {
  /**
   * Estimates the tokens of a text.
   *
   * @param text the text, never {@code null}
   * @return the estimated tokens, at least 0
   */
  int estimate(String text);

  /**
   * The default estimate: one token per {@code chars} characters, rounded up, at least 1 (about 4
   * characters per token for English with BPE tokenizers; Chinese text is closer to 1-2).
   *
   * @param chars characters per token, at least 1
   * @return the estimator
   * @throws IllegalArgumentException if {@code chars} is below 1
   */
  static TokenEstimator charsPerToken(int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("chars per token must be at least 1, got " + chars);
    }
    return text -> Math.max(1, (text.length() + chars - 1) / chars);
  }
}
