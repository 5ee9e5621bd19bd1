package dev.pailot.rag.budget;

/**
 * What the pipeline does when a stage overruns its budget or fails.
 *
 * <table>
 *   <caption>Degrade per stage</caption>
 *   <tr><th>stage</th><th>{@link #DEGRADE}</th></tr>
 *   <tr><td>embed</td><td>serve a cached embedding of the same query (up to case and
 *   punctuation); with none cached, retrieve by BM25 alone if the store has {@link
 *   dev.pailot.rag.store.LexicalSearch}, else the request fails</td></tr>
 *   <tr><td>retrieve</td><td>retry once with K shrunk to a quarter (at least N) under a fresh
 *   stage budget</td></tr>
 *   <tr><td>rerank</td><td>run the fallback reranker (if one is set) under its own budget, else
 *   keep the retrieval order</td></tr>
 *   <tr><td>assemble</td><td>pure CPU work that is not interrupted: an overrun is reported</td></tr>
 *   <tr><td>generate</td><td>a first token after the budget is reported, the answer is kept</td></tr>
 * </table>
 */
public enum StagePolicy {
  /** Degrade as described above and say so in the response. */
  DEGRADE,
  /** Fail the request with a {@link StageFailedException}. */
  FAIL
}
