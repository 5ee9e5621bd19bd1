package dev.pailot.rag.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.rag.embed.TokenCounter;
import dev.pailot.rag.rerank.Reranked;
import dev.pailot.rag.store.SearchHit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextAssemblerTest {
  private static Reranked chunk(String id, String text, int rank) {
    SearchHit hit =
        SearchHit.builder()
            .chunkId(id)
            .documentId("doc-" + id)
            .text(text)
            .metadata(Map.of("title", "T" + id))
            .score(0.5f)
            .rank(rank)
            .build();
    return Reranked.of(hit, 1.0 / rank, rank);
  }

  @Test
  void numbersChunksThatFitTheTokenBudgetAndDropsTheRest() {
    ContextAssembler assembler =
        ContextAssembler.of(PromptTemplate.defaults(), TokenCounter.approximate(), 8);

    Prompt p =
        assembler.assemble(
            "Which {context} is it?",
            List.of(
                chunk("a", "one two three", 1),
                chunk("b", "four five six seven eight", 2),
                chunk("c", "{question} 8", 3)));

    assertThat(p.citations()).extracting(Citation::chunkId).containsExactly("a", "c");
    assertThat(p.citations()).extracting(Citation::number).containsExactly(1, 2);
    assertThat(p.contextTokens()).isEqualTo(8);
    assertThat(p.droppedChunks()).isEqualTo(1);
    assertThat(p.user())
        .isEqualTo(
            "Context:\n[1] one two three\n[2] {question} 8\n\nQuestion: Which {context} is it?");
    assertThat(p.system()).contains("[1]");
  }
}
