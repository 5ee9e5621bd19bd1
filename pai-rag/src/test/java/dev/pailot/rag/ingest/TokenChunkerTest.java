package dev.pailot.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.embed.TokenCounter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenChunkerTest {
  private final TokenCounter words = text -> text.isBlank() ? 0 : text.trim().split("\\s+").length;

  @Test
  void chunksStayUnderTheLimitAndOverlap() {
    String text = IntStream.range(0, 25).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

    List<String> chunks = TokenChunker.of(words, 10, 3).split(text);

    assertThat(chunks).allSatisfy(c -> assertThat(words.count(c)).isLessThanOrEqualTo(10));
    assertThat(chunks.get(0)).startsWith("w0 ").endsWith(" w9");
    assertThat(chunks.get(1)).startsWith("w7 ").endsWith(" w16");
    assertThat(chunks.get(chunks.size() - 1)).endsWith("w24");
    assertThat(chunks).hasSize(4);
  }

  @Test
  void keepsTheTextBetweenWordsAndSplitsNothingSmall() {
    String text = "  def f():\n    return 1\n";

    assertThat(TokenChunker.of(words, 10, 2).split(text)).containsExactly("def f():\n    return 1");
    assertThat(TokenChunker.of(words, 10, 2).split(" \n ")).isEmpty();
  }

  @Test
  void anOversizedWordIsAChunkOfItsOwn() {
    TokenCounter chars = String::length;

    List<String> chunks = TokenChunker.of(chars, 5, 0).split("ab averyveryverylongword cd");

    assertThat(chunks).containsExactly("ab", "averyveryverylongword", "cd");
  }

  @Test
  void approximateCounterIsAQuarterTokenPerCharacterPerWord() {
    assertThat(TokenCounter.approximate().count("a bb internationalization")).isEqualTo(1 + 1 + 5);
    assertThat(TokenCounter.approximate().count("   ")).isZero();
  }

  @Test
  void rejectsAnOverlapAsLargeAsTheChunk() {
    assertThatThrownBy(() -> TokenChunker.of(words, 10, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("overlapTokens");
  }
}
