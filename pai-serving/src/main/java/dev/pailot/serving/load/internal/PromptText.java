package dev.pailot.serving.load.internal;

/**
 * Prompt text of a given length: short common words, each about one token for BPE tokenizers and
 * exactly one for LocalPai's estimate (four characters with the space).
 */
public final class PromptText {
  private static final String[] WORDS = {
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one",
        "our",
    "out", "day", "get", "has", "him", "his", "how", "man", "new", "now", "old", "see", "two",
        "way",
    "who", "boy", "did", "its", "let", "put", "say", "she", "too", "use"
  };

  private PromptText() {}

  /**
   * About {@code tokens} words; {@code salt} varies the words so prompts differ between requests.
   *
   * @param tokens the length in words
   * @param salt varies the text
   * @return the prompt
   */
  public static String of(int tokens, int salt) {
    StringBuilder text = new StringBuilder(tokens * 4);
    for (int i = 0; i < tokens; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(WORDS[Math.floorMod(i * 7 + salt * 13 + i / WORDS.length, WORDS.length)]);
    }
    return text.toString();
  }
}
