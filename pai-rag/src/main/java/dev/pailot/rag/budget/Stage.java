package dev.pailot.rag.budget;

import java.time.Duration;
import java.util.Locale;

/** The stages of a RAG request, in order, with the blueprint's default latency budgets. */
public enum Stage {
  /** Embed the query. Default budget 60 ms. */
  EMBED(Duration.ofMillis(60)),
  /** Retrieve the top K chunks from the vector store. Default budget 15 ms. */
  RETRIEVE(Duration.ofMillis(15)),
  /** Rerank the K candidates to the top N. Default budget 80 ms. */
  RERANK(Duration.ofMillis(80)),
  /** Build the prompt: template, context token budget, citations. Default budget 5 ms. */
  ASSEMBLE(Duration.ofMillis(5)),
  /** Generate the answer; the budget applies to the time to first token. Default 450 ms. */
  GENERATE(Duration.ofMillis(450));

  private final Duration defaultBudget;

  Stage(Duration defaultBudget) {
    this.defaultBudget = defaultBudget;
  }

  /**
   * The blueprint's budget for this stage.
   *
   * @return default budget
   */
  public Duration defaultBudget() {
    return defaultBudget;
  }

  /**
   * The metric tag value: {@code embed}, {@code retrieve}, ...
   *
   * @return lower-case name
   */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
