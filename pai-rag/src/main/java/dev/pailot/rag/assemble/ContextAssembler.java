package dev.pailot.rag.assemble;

import dev.pailot.core.error.ValidationException;
import dev.pailot.rag.embed.TokenCounter;
import dev.pailot.rag.rerank.Reranked;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the prompt from reranked chunks: chunks go in rank order while their tokens fit in the
 * context budget (a chunk that does not fit is dropped and smaller later ones may still fit), each
 * numbered for citation. Thread-safe.
 */
public final class ContextAssembler {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(context|question)}");

  private final PromptTemplate template;
  private final TokenCounter tokens;
  private final int contextTokens;

  private ContextAssembler(PromptTemplate template, TokenCounter tokens, int contextTokens) {
    this.template = Objects.requireNonNull(template, "template");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    if (contextTokens < 1) {
      throw ValidationException.invalidField(
          "contextTokens", "must be at least 1", "use e.g. 1024 tokens of context");
    }
    this.contextTokens = contextTokens;
  }

  /**
   * An assembler.
   *
   * @param template the prompt template
   * @param tokens how tokens are counted
   * @param contextTokens the context token budget, at least 1
   * @return the assembler
   * @throws ValidationException when the budget is below 1
   */
  public static ContextAssembler of(
      PromptTemplate template, TokenCounter tokens, int contextTokens) {
    return new ContextAssembler(template, tokens, contextTokens);
  }

  /**
   * Assembles the prompt.
   *
   * @param question the user's question
   * @param chunks reranked chunks, best first
   * @return the prompt
   */
  public Prompt assemble(String question, List<Reranked> chunks) {
    StringBuilder context = new StringBuilder();
    Prompt.Builder prompt = Prompt.builder().system(template.system());
    int used = 0;
    int dropped = 0;
    int n = 0;
    for (Reranked r : chunks) {
      int t = tokens.count(r.hit().text());
      if (used + t > contextTokens) {
        dropped++;
        continue;
      }
      used += t;
      n++;
      context.append(
          template
              .chunkFormat()
              .replace("{n}", Integer.toString(n))
              .replace("{chunk}", r.hit().chunkId())
              .replace("{text}", r.hit().text()));
      prompt.addCitations(
          Citation.builder()
              .number(n)
              .chunkId(r.hit().chunkId())
              .documentId(r.hit().documentId())
              .score(r.score())
              .metadata(r.hit().metadata())
              .text(r.hit().text())
              .build());
    }
    // One pass, so placeholders inside the question or a chunk are left as they are.
    String user =
        PLACEHOLDER
            .matcher(template.user())
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        m.group(1).equals("context") ? context.toString() : question));
    return prompt.user(user).contextTokens(used).droppedChunks(dropped).build();
  }
}
