package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlc;
import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated training script does when it starts: read its settings from the job's
 * environment, find its checkpoint directory, and choose the step to resume from (the step in
 * {@code PAILOT_RESUME_FROM_STEP}, else the newest complete checkpoint, else 0). Runs on the
 * simulator's thread outside the store lock, because it reads the directory.
 */
final class ScriptStart {
  static final long MAX_STEPS = LocalPaiDlcOptions.MAX_STEPS;

  /**
   * The outcome: either a plan to train or a failure with the traceback the script printed.
   *
   * @param failure the traceback when the script fails at start; empty when it trains
   * @param totalSteps steps in all
   * @param checkpointEvery steps between checkpoints
   * @param stepsPerMinute speed
   * @param attempt {@code PAILOT_ATTEMPT}, or {@code null}
   * @param location the checkpoint directory, or {@code null} when checkpoints are not saved
   * @param resumeStep the step training continues after
   * @param lines what the script printed while starting
   */
  record Plan(
      List<String> failure,
      long totalSteps,
      long checkpointEvery,
      double stepsPerMinute,
      Integer attempt,
      CheckpointLocation location,
      long resumeStep,
      List<String> lines) {}

  private ScriptStart() {}

  /** Starts the script of a job with these environment variables and mounts. */
  static Plan run(JobDefinition job, LocalPaiDlcOptions options, OssPaths storage) {
    Map<String, String> env = job.envs();
    List<String> lines = new ArrayList<>();
    try {
      long total = positive(env, LocalPaiDlc.ENV_TOTAL_STEPS, options.defaultTotalSteps());
      long every =
          positive(
              env, LocalPaiDlc.ENV_CHECKPOINT_EVERY_STEPS, options.defaultCheckpointEverySteps());
      double speed = speed(env, options.stepsPerMinute());
      Integer attempt =
          env.containsKey(LocalPaiDlc.ENV_ATTEMPT)
              ? (int) Math.min(Integer.MAX_VALUE, positive(env, LocalPaiDlc.ENV_ATTEMPT, 1))
              : null;
      long requested = nonNegative(env, LocalPaiDlc.ENV_RESUME_FROM_STEP);
      CheckpointLocation location = location(job, storage, lines);
      long resume = resumeStep(location, requested, lines);
      lines.add(
          (attempt == null ? "" : "Attempt " + attempt + ": ")
              + "training steps "
              + (resume + 1)
              + ".."
              + total
              + ", checkpoint every "
              + every
              + " steps"
              + (location == null ? " (not saved)." : " to " + location.uri() + "."));
      return new Plan(List.of(), total, every, speed, attempt, location, resume, lines);
    } catch (ScriptError e) {
      lines.add("Traceback (most recent call last):");
      lines.add("  File \"train.py\", line 1, in <module>");
      lines.add(e.getMessage());
      return new Plan(lines, 0, 1, 1, null, null, 0, List.of());
    }
  }

  private static CheckpointLocation location(
      JobDefinition job, OssPaths storage, List<String> lines) {
    String dir = job.envs().get(LocalPaiDlc.ENV_CHECKPOINT_DIR);
    if (dir == null || dir.isBlank()) {
      lines.add(
          "WARNING: " + LocalPaiDlc.ENV_CHECKPOINT_DIR + " is not set; checkpoints are not saved.");
      return null;
    }
    Optional<CheckpointLocation> location =
        CheckpointLocation.resolve(dir, job.dataSources(), storage);
    if (location.isEmpty()) {
      lines.add(
          "WARNING: "
              + LocalPaiDlc.ENV_CHECKPOINT_DIR
              + "="
              + dir
              + " is neither a storage URI nor on a mounted data source; checkpoints are not saved.");
    }
    return location.orElse(null);
  }

  private static long resumeStep(CheckpointLocation location, long requested, List<String> lines)
      throws ScriptError {
    if (location == null) {
      if (requested > 0) {
        throw new ScriptError(
            "FileNotFoundError: cannot resume from step "
                + requested
                + ": no checkpoint directory");
      }
      return 0;
    }
    CheckpointDirectory.Contents contents;
    try {
      contents = new CheckpointDirectory(location.directory()).scan();
    } catch (IOException e) {
      throw new ScriptError("OSError: cannot list " + location.uri() + ": " + e.getMessage());
    }
    for (long step : contents.incomplete()) {
      lines.add(
          "Skipping incomplete checkpoint step-"
              + step
              + " (no "
              + CheckpointDirectory.MARKER
              + ").");
    }
    long resume =
        requested > 0 ? requested : contents.complete().isEmpty() ? 0 : contents.complete().last();
    if (resume > 0 && !contents.complete().contains(resume)) {
      throw new ScriptError(
          "FileNotFoundError: checkpoint step-"
              + resume
              + " in "
              + location.uri()
              + " is missing or incomplete");
    }
    lines.add(
        resume > 0
            ? "Resuming from checkpoint step-" + resume + " in " + location.uri() + "."
            : "No complete checkpoint in " + location.uri() + "; starting from step 0.");
    return resume;
  }

  /** A positive integer setting, at most {@value #MAX_STEPS} so step arithmetic never overflows. */
  private static long positive(Map<String, String> env, String name, long fallback)
      throws ScriptError {
    String v = env.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 1 && n <= MAX_STEPS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, as the script's own check would
    }
    throw new ScriptError(
        "ValueError: "
            + name
            + " must be a positive integer up to "
            + MAX_STEPS
            + ", got '"
            + v
            + "'");
  }

  private static long nonNegative(Map<String, String> env, String name) throws ScriptError {
    String v = env.get(name);
    return v == null || v.trim().equals("0") ? 0 : positive(env, name, 0);
  }

  private static double speed(Map<String, String> env, double fallback) throws ScriptError {
    String v = env.get(LocalPaiDlc.ENV_STEPS_PER_MINUTE);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d > 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScriptError(
        "ValueError: "
            + LocalPaiDlc.ENV_STEPS_PER_MINUTE
            + " must be a positive number, got '"
            + v
            + "'");
  }

  /** The script fails at start; the message is its last traceback line. */
  private static final class ScriptError extends Exception {
    private static final long serialVersionUID = 1L;

    ScriptError(String message) {
      super(message, null, false, false);
    }
  }
}
