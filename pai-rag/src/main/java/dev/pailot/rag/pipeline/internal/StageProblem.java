package dev.pailot.rag.pipeline.internal;

import java.time.Duration;

/** A stage overran its budget or failed; the pipeline decides whether to degrade or fail. */
public final class StageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean timeout;

  private StageProblem(String reason, boolean timeout, Throwable cause) {
    super(reason, cause, false, false);
    this.timeout = timeout;
  }

  static StageProblem timedOut(Duration budget) {
    return new StageProblem("exceeded its " + budget.toMillis() + " ms budget", true, null);
  }

  static StageProblem failed(String what, Throwable cause) {
    return new StageProblem("failed (" + what + ")", false, cause);
  }

  /**
   * Whether the stage ran out of time (rather than failing).
   *
   * @return {@code true} for an overrun
   */
  public boolean timeout() {
    return timeout;
  }
}
