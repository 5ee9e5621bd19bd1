package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.DlcTrainingRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Progress of a job's simulated training script. Mutable; guarded by the {@link JobStore} lock.
 *
 * <p>Step {@code s} completes at {@code clockStart + (s - resumeStep) / stepsPerMinute} emulated
 * minutes. While {@link #awaiting} is not {@link Awaiting#NONE} the script waits for storage I/O
 * that the simulator runs outside the lock; it cannot advance until the I/O is done, so the job's
 * visible state never claims a checkpoint that is not on disk.
 */
final class TrainingState {
  /** Storage I/O the script waits for. */
  enum Awaiting {
    NONE,
    /** Reading the checkpoint directory to choose the resume step. */
    RESUME,
    /** Writing checkpoint {@link #awaitingStep}: payload, then marker. */
    CHECKPOINT,
    /** Writing checkpoint {@link #awaitingStep} when the instance is reclaimed: payload only. */
    HALF_CHECKPOINT
  }

  DlcTrainingRecord.Outcome outcome = DlcTrainingRecord.Outcome.PENDING;
  Awaiting awaiting = Awaiting.NONE;
  long awaitingStep;
  String checkpointUri;
  String checkpointDir;
  Integer attempt;
  long totalSteps;
  long checkpointEvery;
  double stepsPerMinute;
  long resumeStep;
  long currentStep;
  Instant clockStart;
  List<Long> checkpoints = new ArrayList<>();
  Long incompleteCheckpoint;
  Long preemptAtStep;
  Long failAtStep;
  int failExitCode = 1;

  /** Whether the script has ended one way or another. */
  boolean ended() {
    return switch (outcome) {
      case SUCCEEDED, PREEMPTED, FAILED, STOPPED -> true;
      case PENDING, RUNNING -> false;
    };
  }

  /** The public view. */
  DlcTrainingRecord record(String jobId) {
    return new DlcTrainingRecord(
        jobId,
        attempt == null ? OptionalInt.empty() : OptionalInt.of(attempt),
        Optional.ofNullable(checkpointUri),
        Optional.ofNullable(checkpointDir).map(Path::of),
        totalSteps,
        resumeStep,
        Math.max(currentStep, resumeStep),
        checkpoints,
        incompleteCheckpoint == null ? OptionalLong.empty() : OptionalLong.of(incompleteCheckpoint),
        outcome);
  }
}
