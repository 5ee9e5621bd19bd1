package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import java.time.Instant;

/**
 * Moves one job along {@code Creating -> Queuing -> EnvPreparing -> Running -> Succeeded} (or
 * {@code Failed}, or {@code Stopping -> Stopped}) on the emulated clock. Each transition is dated
 * when it was due, not when the simulator noticed, so {@code StatusHistory} is exact whatever the
 * tick. Leaving {@code Queuing} is the {@link GangScheduler}'s decision. Called with the {@link
 * JobStore} lock held.
 */
final class JobLifecycle {
  private final DlcContext context;
  private final TrainingLoop training;

  JobLifecycle(DlcContext context, TrainingLoop training) {
    this.context = context;
    this.training = training;
  }

  /**
   * Advances the job up to {@code now}, or only up to its stop request; returns whether anything
   * changed.
   */
  boolean advance(DlcJob job, Instant now) {
    if (job.status.terminal()) {
      return false;
    }
    Instant stop = job.stopRequestedAt;
    Instant horizon = stop != null && stop.isBefore(now) ? stop : now;
    boolean changed = false;
    while (phase(job, horizon)) {
      changed = true;
    }
    if (stop != null && !now.isBefore(stop) && stoppable(job)) {
      JobEndings.stopping(job, stop);
      changed = true;
    }
    if (job.status == JobStatus.STOPPING) {
      Instant done = context.after(job.statusSince, options().stoppingMinutes());
      if (!now.isBefore(done)) {
        JobEndings.stopped(job, done);
        changed = true;
      }
    }
    return changed;
  }

  /** One transition if due by {@code horizon}. */
  private boolean phase(DlcJob job, Instant horizon) {
    switch (job.status) {
      case CREATING -> {
        Instant at = context.after(job.createdAt, options().creatingMinutes());
        if (horizon.isBefore(at)) {
          return false;
        }
        job.submittedAt = at;
        job.event(at, "Normal", "JobQueuing", "Job " + job.id + " is submitted and queuing.");
        job.enter(JobStatus.QUEUING, at, "", "");
        return true;
      }
      case ENV_PREPARING -> {
        return startPods(job, horizon);
      }
      case RUNNING -> {
        return training.advance(job, horizon);
      }
      default -> {
        return false;
      }
    }
  }

  /** After the image pull, pods start; the job runs once all of them do. */
  private boolean startPods(DlcJob job, Instant horizon) {
    Instant at = context.after(job.statusSince, options().envPreparingMinutes());
    if (horizon.isBefore(at) || job.podsLaunched) {
      return false;
    }
    job.podsLaunched = true;
    for (int i = 0; i < job.pods.size(); i++) {
      Pod pod = job.pods.get(i);
      if (job.podNeverStarts && i == job.pods.size() - 1) {
        job.event(
            at,
            "Warning",
            "ImagePullBackOff",
            "Pod " + pod.podId + " cannot start: back-off pulling its image.");
      } else {
        pod.start(at);
      }
    }
    if (job.podNeverStarts) {
      return true;
    }
    job.runningAt = at;
    job.event(at, "Normal", "JobRunning", "All pods of job " + job.id + " are running.");
    job.enter(JobStatus.RUNNING, at, "", "");
    TrainingLoop.start(job, at);
    return true;
  }

  /** A stop takes effect once the job is not waiting for storage I/O. */
  private static boolean stoppable(DlcJob job) {
    return !job.status.terminal()
        && job.status != JobStatus.STOPPING
        && job.training.awaiting == TrainingState.Awaiting.NONE;
  }

  private LocalPaiDlcOptions options() {
    return context.options();
  }
}
