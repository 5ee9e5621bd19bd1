package dev.pailot.testkit.localpai;

import dev.pailot.testkit.localpai.internal.dlc.DlcEmulator;
import java.util.List;
import java.util.Optional;

/**
 * LocalPai's DLC emulation seen from a test: what each job's simulated training script did.
 *
 * <p><b>The simulated training script.</b> Every DLC job runs the same emulated script, whatever
 * its {@code UserCommand}. It reads these environment variables from the job's {@code Envs}:
 *
 * <table>
 *   <caption>Environment variables of the simulated script</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@value #ENV_CHECKPOINT_DIR}</td><td>where checkpoints go: an {@code oss://bucket/prefix}
 *       URI, or a path under a {@code DataSources} {@code MountPath} (mapped to that source's
 *       {@code Uri}); unset or unmappable means checkpoints are not saved</td></tr>
 *   <tr><td>{@value #ENV_ATTEMPT}</td><td>1-based attempt number set by the SDK on every attempt;
 *       printed and recorded</td></tr>
 *   <tr><td>{@value #ENV_RESUME_FROM_STEP}</td><td>resume from this complete checkpoint; the script
 *       fails ({@code FileNotFoundError}, exit code 1) if it is missing or incomplete. Unset or 0:
 *       resume from the newest complete checkpoint, or start at step 0</td></tr>
 *   <tr><td>{@value #ENV_TOTAL_STEPS}</td><td>steps to train (default {@link
 *       LocalPaiDlcOptions#defaultTotalSteps()})</td></tr>
 *   <tr><td>{@value #ENV_CHECKPOINT_EVERY_STEPS}</td><td>checkpoint interval (default {@link
 *       LocalPaiDlcOptions#defaultCheckpointEverySteps()}); a final checkpoint follows the last
 *       step</td></tr>
 *   <tr><td>{@value #ENV_STEPS_PER_MINUTE}</td><td>speed in steps per emulated minute (default
 *       {@link LocalPaiDlcOptions#stepsPerMinute()})</td></tr>
 * </table>
 *
 * <p><b>Checkpoints.</b> {@code oss://bucket/prefix} is the local directory {@code <data
 * directory>/oss/bucket/prefix} ({@link LocalPai#storagePath(String)}). Checkpoint {@code N} is the
 * directory {@code step-N/} holding {@value #CHECKPOINT_PAYLOAD}, then, written last, the marker
 * {@value #CHECKPOINT_MARKER}. A directory without the marker is incomplete and never resumed from;
 * a reclaimed spot job whose reclamation hits a checkpoint step leaves one behind.
 *
 * <p><b>Logs and events.</b> The script prints deterministic lines ({@code GetPodLogs}): its start
 * and resume decision, {@code step N/T loss=...}, {@code Saving/Saved checkpoint step-N}, a
 * traceback when it fails, {@code Received SIGTERM} when reclaimed or stopped. {@code Duration}
 * fields of {@code GetJob} count emulated seconds.
 *
 * <p>Thread-safe; records are snapshots.
 */
public final class LocalPaiDlc {
  /** Checkpoint location: {@code oss://} URI or a path on a mounted data source. */
  public static final String ENV_CHECKPOINT_DIR = "PAILOT_CHECKPOINT_DIR";

  /** 1-based attempt number. */
  public static final String ENV_ATTEMPT = "PAILOT_ATTEMPT";

  /** The checkpoint step to resume from; 0 or unset for the newest complete one. */
  public static final String ENV_RESUME_FROM_STEP = "PAILOT_RESUME_FROM_STEP";

  /** Steps to train. */
  public static final String ENV_TOTAL_STEPS = "PAILOT_TOTAL_STEPS";

  /** Steps between checkpoints. */
  public static final String ENV_CHECKPOINT_EVERY_STEPS = "PAILOT_CHECKPOINT_EVERY_STEPS";

  /** Training speed in steps per emulated minute. */
  public static final String ENV_STEPS_PER_MINUTE = "PAILOT_STEPS_PER_MINUTE";

  /** The payload file of a checkpoint directory. */
  public static final String CHECKPOINT_PAYLOAD = "checkpoint.json";

  /** The completion marker of a checkpoint directory, written after the payload. */
  public static final String CHECKPOINT_MARKER = "_COMPLETE";

  private final DlcEmulator emulator;

  LocalPaiDlc(DlcEmulator emulator) {
    this.emulator = emulator;
  }

  /**
   * The name of checkpoint {@code step}'s directory, {@code step-<step>}.
   *
   * @param step training step
   * @return directory name
   */
  public static String checkpointDirectoryName(long step) {
    return "step-" + step;
  }

  /**
   * What one job's script did so far.
   *
   * @param jobId DLC job id
   * @return the record; empty for an unknown or deleted job
   */
  public Optional<DlcTrainingRecord> training(String jobId) {
    return emulator.training(jobId);
  }

  /**
   * What every job's script did so far, oldest job first (deleted jobs are gone).
   *
   * @return records
   */
  public List<DlcTrainingRecord> trainings() {
    return emulator.trainings();
  }
}
