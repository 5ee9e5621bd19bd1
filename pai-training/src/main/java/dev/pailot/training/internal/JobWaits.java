package dev.pailot.training.internal;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.core.waiter.WaiterPoll;
import dev.pailot.training.Job;
import dev.pailot.training.JobEndedException;
import dev.pailot.training.JobStatus;
import dev.pailot.training.WaitOptions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DLC job waiters, on {@code pai-core}'s {@link Waiter}: poll GetJob with growing delays until
 * the job is running or finished, report {@code dlc.job.wait} progress events, and fail fast when
 * the awaited state can no longer come. Thread-safe.
 */
public final class JobWaits {
  /** The operation name of the progress events. */
  public static final String OPERATION = "dlc.job.wait";

  private static final Logger LOG = LoggerFactory.getLogger(JobWaits.class);

  /** Running, or already past it without failing. */
  private static final Set<JobStatus> RUNNING_OR_LATER =
      EnumSet.of(JobStatus.RUNNING, JobStatus.SUCCEEDED_RESERVING, JobStatus.SUCCEEDED);

  private final DlcApi api;

  /**
   * Creates the waiters.
   *
   * @param api the typed API
   */
  public JobWaits(DlcApi api) {
    this.api = api;
  }

  /**
   * Waits until the job runs (or already succeeded); fails fast when it failed or was stopped.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job as last seen
   */
  public Job untilRunning(String jobId, WaitOptions options) {
    AtomicReference<Job> last = new AtomicReference<>();
    try {
      return await(
          jobId, "Running", RUNNING_OR_LATER::contains, JobStatus::isUnsuccessful, options, last);
    } catch (WaiterUnrecoverableStateException e) {
      Job job = last.get();
      emit(options, event(jobId, "ENDED", job, e.getMessage()));
      throw new JobEndedException(
          "DLC job "
              + jobId
              + " ended before it ran: it is "
              + describe(job)
              + ". Fix: read DlcClient.events(\""
              + jobId
              + "\") and the pod logs, correct the spec and create the job again.",
          job,
          e);
    }
  }

  /**
   * Waits until the job is {@code Succeeded}, {@code Failed} or {@code Stopped}; never fails on the
   * job's outcome.
   *
   * @param jobId job id
   * @param options deadline, delays, callback
   * @return the job in its terminal state
   */
  public Job untilFinished(String jobId, WaitOptions options) {
    return await(
        jobId, "finished", JobStatus::isTerminal, s -> false, options, new AtomicReference<>());
  }

  private Job await(
      String jobId,
      String goal,
      Predicate<JobStatus> done,
      Predicate<JobStatus> hopeless,
      WaitOptions options,
      AtomicReference<Job> last) {
    return Waiter.<Job>builder("DLC job " + jobId + " " + goal)
        .poll(
            () -> {
              Job j = api.getJob(jobId);
              last.set(j);
              return j;
            })
        .state(JobWaits::describe)
        .until(j -> done.test(j.status()))
        .failWhen(j -> hopeless.test(j.status()))
        // Right after CreateJob, GetJob may not see the new id yet.
        .tolerate(ResourceNotFoundException.class)
        .delays(options.minPollDelay(), options.maxPollDelay())
        .timeout(options.timeout())
        .onPoll(p -> onPoll(jobId, goal, p, last.get(), options))
        .build()
        .await();
  }

  private void onPoll(String jobId, String goal, WaiterPoll p, Job job, WaitOptions options) {
    String phase = !p.done() ? "WAITING" : "Running".equals(goal) ? "RUNNING" : "FINISHED";
    String message =
        "DLC job " + jobId + " is " + p.state() + (p.done() ? "" : ", waiting until " + goal);
    emit(options, event(jobId, phase, job, message).putAttributes("polls", "" + p.polls()));
  }

  private ProgressEvent.Builder event(String jobId, String phase, Job job, String message) {
    ProgressEvent.Builder b =
        ProgressEvent.builder()
            .operation(OPERATION)
            .resource("job/" + jobId)
            .phase(phase)
            .message(message)
            .putAttributes("jobId", jobId);
    if (job != null) {
      b.putAttributes("status", job.statusText());
      job.reasonCode().ifPresent(c -> b.putAttributes("reasonCode", c));
    }
    return b;
  }

  private void emit(WaitOptions options, ProgressEvent.Builder b) {
    ProgressEvent event = b.build();
    api.runtime().progress(event);
    options
        .onProgress()
        .ifPresent(
            callback -> {
              try {
                callback.accept(event);
              } catch (RuntimeException e) {
                LOG.debug("progress callback threw; ignored", e);
              }
            });
  }

  static String describe(Job job) {
    if (job == null) {
      return "unknown";
    }
    String reason =
        job.reasonCode().map(c -> c + job.reasonMessage().map(m -> ": " + m).orElse("")).orElse("");
    return job.statusText() + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
