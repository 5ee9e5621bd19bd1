package dev.pailot.testkit.localpai.internal.engine;

import io.netty.util.concurrent.EventExecutor;

/**
 * Receives a sequence's output: an SSE stream or a JSON answer being assembled. The engine hands
 * {@link Delivery} values to {@link #executor()}, one task per executor per step, and calls {@link
 * #deliver} there, so a sink never needs locks.
 */
interface SequenceSink {
  /** The thread (a channel's event loop) that {@link #deliver} runs on. */
  EventExecutor executor();

  /** Writes one step's output for this sequence, maybe without flushing. Runs on the executor. */
  void deliver(Delivery delivery);

  /** Flushes what {@link #deliver} wrote, if anything; cheap when nothing is pending. */
  void flush();
}
