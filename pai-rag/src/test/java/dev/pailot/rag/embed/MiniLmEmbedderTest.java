package dev.pailot.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model from the jar: runs offline, unit vectors, meaningful similarities, tokens. */
class MiniLmEmbedderTest {
  private static MiniLmEmbedder model;

  @BeforeAll
  static void load() {
    model = MiniLmEmbedder.create();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void embedsToUnitVectorsWhereParaphrasesAreCloserThanStrangers() {
    List<float[]> v =
        model.embed(
            List.of(
                "How do I read a file line by line?",
                "Iterate over the lines of a text file.",
                "The GPU memory of an A10 card is 24 GB."));

    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
    assertThat(Vectors.dot(v.get(0), v.get(0))).isCloseTo(1.0, within(1e-4));
    assertThat(Vectors.dot(v.get(0), v.get(1)))
        .isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.2);
    assertThat(model.embed("How do I read a file line by line?")).containsExactly(v.get(0));
  }

  @Test
  void countsWordPieceTokens() {
    TokenCounter tokens = model.tokenCounter();

    assertThat(tokens.count("How do I open a file in Python?")).isEqualTo(9);
    assertThat(tokens.count("tokenization")).isEqualTo(2); // token ##ization
    assertThat(tokens.count(" ")).isZero();
  }
}
