package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Storage I/O a job's script waits for, captured under the store lock and run outside it on the
 * simulator's thread. Immutable.
 *
 * @param jobId the job
 * @param kind what to do
 * @param step the checkpoint step (writes)
 * @param definition the job's definition (start)
 * @param directory the checkpoint directory (writes)
 * @param payload the checkpoint payload (writes)
 */
record StorageTask(
    String jobId,
    TrainingState.Awaiting kind,
    long step,
    JobDefinition definition,
    Path directory,
    String payload) {

  /**
   * What the I/O produced.
   *
   * @param plan the script's plan (start)
   * @param error why a write failed; {@code null} on success
   */
  record Result(ScriptStart.Plan plan, String error) {}

  /** Runs the I/O. Never throws: a failed write is a result the script reacts to. */
  Result run(LocalPaiDlcOptions options, OssPaths storage) {
    try {
      switch (kind) {
        case RESUME -> {
          return new Result(ScriptStart.run(definition, options, storage), null);
        }
        case CHECKPOINT -> new CheckpointDirectory(directory).write(step, payload);
        case HALF_CHECKPOINT -> new CheckpointDirectory(directory).writeHalf(step, payload);
        case NONE -> {
          // nothing to do
        }
      }
      return new Result(null, null);
    } catch (IOException | RuntimeException e) {
      return new Result(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
