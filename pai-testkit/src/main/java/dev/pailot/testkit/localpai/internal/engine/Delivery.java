package dev.pailot.testkit.localpai.internal.engine;

/**
 * One step's output for one sequence, handed from the engine thread to the sequence's event loop.
 *
 * @param sink the receiver
 * @param text text produced in this step (possibly empty)
 * @param finishReason {@code stop}, {@code length} or {@code abort} when the sequence ends, else
 *     {@code null}
 * @param promptTokens prompt tokens, for usage
 * @param completionTokens tokens generated so far, for usage
 */
record Delivery(
    SequenceSink sink, String text, String finishReason, int promptTokens, int completionTokens) {

  boolean finished() {
    return finishReason != null;
  }
}
