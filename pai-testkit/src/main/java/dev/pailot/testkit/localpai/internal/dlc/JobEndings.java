package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.DlcTrainingRecord.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * How jobs end: success, a failing script, a reclaimed spot instance, the running-time limit, and a
 * user's stop. Each sets the job and pod statuses, the reason, the events and the last log lines.
 * Called with the {@link JobStore} lock held.
 */
final class JobEndings {
  private JobEndings() {}

  /** Every step trained: pods {@code Succeeded}, job {@code Succeeded}. */
  static void succeed(DlcJob job, Instant at) {
    job.training.outcome = Outcome.SUCCEEDED;
    job.log(at, "", "Training finished at step " + job.training.currentStep + ".");
    job.pods.forEach(p -> p.finish(Pod.SUCCEEDED, "Normal", at));
    job.event(at, "Normal", Reasons.SUCCEEDED, "Job " + job.id + " has completed successfully.");
    end(job, JobStatus.SUCCEEDED, at, Reasons.SUCCEEDED, "The job has completed successfully.");
  }

  /**
   * The script exits with {@code exitCode}: rank 0 prints {@code traceback}, its pod fails, the
   * others are terminated.
   */
  static void fail(DlcJob job, Instant at, int exitCode, List<String> traceback) {
    String pod = job.rankZeroPod();
    traceback.forEach(line -> job.log(at, pod, line));
    job.training.outcome = Outcome.FAILED;
    job.pods.forEach(p -> p.finish(Pod.FAILED, "Normal", at));
    String message = "Pod " + pod + " exited with code " + exitCode + "; the job failed.";
    job.event(at, "Warning", "PodFailed", message);
    end(job, JobStatus.FAILED, at, Reasons.FAILED, message);
  }

  /**
   * The spot instance under the job is reclaimed: as on general-compute DLC (PAI_API.md §2.8) the
   * job fails and does not restart; its spot pods are {@code Failed}/{@code Evicted}.
   */
  static void preempt(DlcJob job, Instant at) {
    job.training.outcome = Outcome.PREEMPTED;
    job.log(at, "", "Received SIGTERM: the node is shutting down.");
    String evicted = "";
    for (Pod p : job.pods) {
      boolean spot =
          job.definition.roles().stream().anyMatch(r -> r.spot() && r.type().equals(p.type));
      p.finish(Pod.FAILED, spot ? "Evicted" : "Normal", at);
      if (spot && evicted.isEmpty()) {
        evicted = p.podId + " (" + p.ecsSpec + ")";
      }
    }
    String message = "The spot instance of pod " + evicted + " was reclaimed; the job failed.";
    job.event(
        at,
        "Warning",
        "Evicted",
        "Pod " + evicted + " was evicted: its spot instance was reclaimed.");
    job.event(at, "Warning", Reasons.SPOT_RECLAIMED, message);
    end(job, JobStatus.FAILED, at, Reasons.SPOT_RECLAIMED, message);
  }

  /** The job ran past {@code JobMaxRunningTimeMinutes}. */
  static void timeout(DlcJob job, Instant at) {
    job.training.outcome = Outcome.FAILED;
    job.log(at, "", "Received SIGTERM: the job ran past its time limit.");
    job.pods.forEach(p -> p.finish(Pod.FAILED, "Normal", at));
    String message =
        "The job ran longer than JobMaxRunningTimeMinutes ("
            + job.definition.maxRunningMinutes()
            + ") and was terminated.";
    job.event(at, "Warning", Reasons.TIMEOUT, message);
    end(job, JobStatus.FAILED, at, Reasons.TIMEOUT, message);
  }

  /** {@code StopJob} took effect: {@code Stopping}, pods still hold their resources. */
  static void stopping(DlcJob job, Instant at) {
    if (job.training.outcome == Outcome.RUNNING || job.training.outcome == Outcome.PENDING) {
      job.training.outcome = Outcome.STOPPED;
    }
    if (!job.pods.isEmpty()) {
      job.log(at, "", "Received SIGTERM: the job is being stopped.");
    }
    job.event(at, "Normal", "JobStopping", "Job " + job.id + " is stopping.");
    job.enter(JobStatus.STOPPING, at, Reasons.STOPPED_BY_USER, Reasons.STOPPED_BY_USER_MESSAGE);
  }

  /** The stop finished: pods terminated, job {@code Stopped}. */
  static void stopped(DlcJob job, Instant at) {
    job.pods.forEach(p -> p.finish(Pod.FAILED, "Normal", at));
    job.event(at, "Normal", "JobStopped", Reasons.STOPPED_BY_USER_MESSAGE);
    end(job, JobStatus.STOPPED, at, Reasons.STOPPED_BY_USER, Reasons.STOPPED_BY_USER_MESSAGE);
  }

  private static void end(DlcJob job, JobStatus status, Instant at, String code, String message) {
    job.training.awaiting = TrainingState.Awaiting.NONE;
    job.finishedAt = at;
    job.enter(status, at, code, message);
  }
}
