package dev.pailot.rag.ingest;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.embed.TokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits text into chunks of at most {@code maxTokens} tokens that overlap by about {@code
 * overlapTokens}, cutting only between whitespace-separated words and keeping the text between them
 * (newlines, indentation) as it was. Tokens are counted per word with the embedder's counter:
 * BERT-style tokenizers split on whitespace first, so per-word counts add up to the text's count. A
 * single word longer than {@code maxTokens} becomes a chunk of its own. Thread-safe.
 */
public final class TokenChunker {
  private final TokenCounter tokens;
  private final int maxTokens;
  private final int overlapTokens;

  private TokenChunker(TokenCounter tokens, int maxTokens, int overlapTokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    if (maxTokens < 1) {
      throw ValidationException.invalidField(
          "maxTokens", "must be at least 1", "use e.g. 200 (MiniLM reads at most 256)");
    }
    if (overlapTokens < 0 || overlapTokens >= maxTokens) {
      throw ValidationException.invalidField(
          "overlapTokens",
          "must be 0 or more and below maxTokens",
          "use e.g. a fifth of maxTokens");
    }
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  /**
   * A chunker.
   *
   * @param tokens how tokens are counted, e.g. {@code embedder.tokenCounter()}
   * @param maxTokens chunk size limit, at least 1
   * @param overlapTokens overlap between neighbours, below {@code maxTokens}
   * @return the chunker
   * @throws ValidationException for bad sizes
   */
  public static TokenChunker of(TokenCounter tokens, int maxTokens, int overlapTokens) {
    return new TokenChunker(tokens, maxTokens, overlapTokens);
  }

  /**
   * The chunk size limit.
   *
   * @return max tokens
   */
  public int maxTokens() {
    return maxTokens;
  }

  /**
   * The overlap.
   *
   * @return overlap tokens
   */
  public int overlapTokens() {
    return overlapTokens;
  }

  /**
   * Splits a text.
   *
   * @param text the text
   * @return chunks in order; none for blank text
   */
  public List<String> split(String text) {
    List<int[]> words = new ArrayList<>();
    // Words repeat: count each distinct one once (a native tokenizer call costs microseconds).
    Map<String, Integer> counted = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        int n = counted.computeIfAbsent(text.substring(start, i), tokens::count);
        words.add(new int[] {start, i, n});
      }
    }
    List<String> chunks = new ArrayList<>();
    int first = 0;
    while (first < words.size()) {
      int end = first;
      int used = 0;
      while (end < words.size() && (end == first || used + words.get(end)[2] <= maxTokens)) {
        used += words.get(end)[2];
        end++;
      }
      chunks.add(text.substring(words.get(first)[0], words.get(end - 1)[1]));
      if (end == words.size()) {
        break;
      }
      int next = end;
      int overlap = 0;
      while (next - 1 > first && overlap + words.get(next - 1)[2] <= overlapTokens) {
        next--;
        overlap += words.get(next)[2];
      }
      first = next;
    }
    return chunks;
  }
}
