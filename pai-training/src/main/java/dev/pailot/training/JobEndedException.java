package dev.pailot.training;

import dev.pailot.core.error.WaiterUnrecoverableStateException;

/**
 * A job reached a state from which the awaited one cannot follow, e.g. {@code Failed} or {@code
 * Stopped} while {@link DlcClient#waitUntilRunning} waited for {@code Running}. {@link #job()} is
 * the last snapshot: read its {@link Job#reasonCode()}, {@link Job#reasonMessage()} and pods.
 *
 * <p>Immutable once thrown.
 */
public class JobEndedException extends WaiterUnrecoverableStateException {
  private static final long serialVersionUID = 1L;

  private final transient Job job;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which job, and what to do
   * @param job the last snapshot of the job
   * @param cause the waiter's exception
   */
  public JobEndedException(String message, Job job, Throwable cause) {
    super(message, null, cause);
    this.job = job;
  }

  /**
   * The job as last seen; {@code null} only after deserialisation.
   *
   * @return the job
   */
  public Job job() {
    return job;
  }
}
