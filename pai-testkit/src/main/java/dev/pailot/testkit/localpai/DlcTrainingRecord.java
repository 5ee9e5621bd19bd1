package dev.pailot.testkit.localpai;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the simulated training script of one DLC job did: where it resumed, how far it got, which
 * checkpoints it completed, and how much work a successor cannot recover. Tests and benchmarks use
 * it to measure the work lost per preemption. A snapshot: read it again for fresh values.
 *
 * <p>A plain record rather than an Immutables value: LocalPai produces it and users only read it.
 *
 * @param jobId the DLC job id
 * @param attempt the job's {@code PAILOT_ATTEMPT}, if it set one
 * @param checkpointUri the job's {@code PAILOT_CHECKPOINT_DIR} as an {@code oss://} URI, if it
 *     could be resolved
 * @param checkpointDirectory the local directory standing for {@link #checkpointUri()}
 * @param totalSteps steps the job trains in all
 * @param resumedFromStep the complete checkpoint it resumed from; 0 when it started from scratch
 * @param lastStep the last step it executed ({@code resumedFromStep} when it executed none)
 * @param checkpointSteps steps of the checkpoints it completed (payload and marker), ascending
 * @param incompleteCheckpointStep the checkpoint it left without a marker when it ended, if any
 * @param outcome how the training ended, or that it has not
 */
public record DlcTrainingRecord(
    String jobId,
    OptionalInt attempt,
    Optional<String> checkpointUri,
    Optional<Path> checkpointDirectory,
    long totalSteps,
    long resumedFromStep,
    long lastStep,
    List<Long> checkpointSteps,
    OptionalLong incompleteCheckpointStep,
    Outcome outcome) {

  /** How a job's training ended. */
  public enum Outcome {
    /** The training script has not started (job {@code Creating}, {@code Queuing}, ...). */
    PENDING,
    /** Still training. */
    RUNNING,
    /** Trained every step; the job {@code Succeeded}. */
    SUCCEEDED,
    /** Its spot instance was reclaimed; the job {@code Failed}. */
    PREEMPTED,
    /** The script failed (injected error, bad resume step, time limit); the job {@code Failed}. */
    FAILED,
    /** Stopped by {@code StopJob}. */
    STOPPED
  }

  /**
   * Copies the list and checks for nulls.
   *
   * @throws NullPointerException if a component is null
   */
  public DlcTrainingRecord {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(attempt, "attempt");
    Objects.requireNonNull(checkpointUri, "checkpointUri");
    Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
    checkpointSteps = List.copyOf(checkpointSteps);
    Objects.requireNonNull(incompleteCheckpointStep, "incompleteCheckpointStep");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Steps this job executed: {@code lastStep - resumedFromStep}.
   *
   * @return steps executed
   */
  public long stepsExecuted() {
    return lastStep - resumedFromStep;
  }

  /**
   * The newest checkpoint this job completed, or the one it resumed from if it completed none.
   *
   * @return step of the newest complete checkpoint known to this job; 0 for none
   */
  public long lastCompleteCheckpointStep() {
    return checkpointSteps.isEmpty()
        ? resumedFromStep
        : Math.max(resumedFromStep, checkpointSteps.get(checkpointSteps.size() - 1));
  }

  /**
   * Steps executed after the newest complete checkpoint: the work a successor resuming from that
   * checkpoint must redo. 0 for a job that succeeded (it saves a final checkpoint).
   *
   * @return steps lost (or at risk, while running)
   */
  public long lostSteps() {
    return outcome == Outcome.SUCCEEDED ? 0 : Math.max(0, lastStep - lastCompleteCheckpointStep());
  }
}
