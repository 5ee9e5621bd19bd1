package dev.pailot.testkit.localpai.internal.engine;

/**
 * Decides, step by step, which sequences the GPU works on. Used by the engine thread only.
 * Implementations: {@link ContinuousScheduler} (vLLM) and {@link StaticScheduler}.
 */
interface BatchScheduler {
  /** Queues a new request. */
  void add(Sequence seq);

  /** Removes an aborted sequence wherever it is and frees its blocks. */
  void remove(Sequence seq);

  /** Fills {@code plan} with the next step's work; leaves it empty when there is none. */
  void plan(StepPlan plan);

  /** Applies a finished step: samples tokens and reports output to {@code out}. */
  void complete(StepPlan plan, OutputDispatcher out, long nowNanos);

  /** Sequences the GPU is working on. */
  int running();

  /** Sequences queued. */
  int waiting();

  /** Ends every sequence (engine shutdown). */
  void abortAll(OutputDispatcher out);
}
