package dev.pailot.training.spot.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.training.Job;
import dev.pailot.training.JobFilter;
import dev.pailot.training.WaitOptions;
import dev.pailot.training.spot.SpotRunEventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt from submission to a terminal job: CreateJob (sent once; after an ambiguous
 * failure the job is looked up by its display name), the watch, and, when the run must stop it,
 * StopJob and a wait until it is terminal. It returns only once the job is terminal, or throws
 * {@link RunAbort}, so two attempts of a run never overlap. Used from the run's thread only.
 */
final class AttemptRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

  private final RunSetup setup;
  private final RunEvents events;
  private final AttemptWatch watch;
  private final AttemptEnd end;

  AttemptRunner(RunSetup setup, RunControl control, RunEvents events, StoreReads store) {
    this.setup = setup;
    this.events = events;
    this.watch = new AttemptWatch(setup, control, events, store);
    this.end = new AttemptEnd(setup, control, events, store);
  }

  /**
   * Runs one attempt to its end.
   *
   * @param plan the attempt
   * @param deadline the run's deadline, or {@code null}
   * @param spentBefore what earlier attempts cost
   * @return the attempt's report, with failure details for a failed one
   * @throws RunAbort if the run cannot go on
   */
  AttemptEnd.Result run(AttemptPlan plan, Instant deadline, BigDecimal spentBefore) {
    Instant submittedAt = setup.clock().instant();
    String jobId = submit(plan);
    announce(plan, jobId);
    AttemptWatch.Result watched;
    try {
      watched = watch.watch(plan, jobId, deadline, spentBefore);
    } catch (RuntimeException e) {
      stopQuietly(jobId);
      throw new RunAbort(
          "Lost track of attempt "
              + plan.number()
              + " (DLC job "
              + jobId
              + ") of spot run "
              + setup.name()
              + ": "
              + e.getMessage()
              + ". The run asked DLC to stop the job and submits nothing more; check the job in"
              + " the console, then start the run again: it resumes from the newest checkpoint.",
          e,
          end.unknown(plan, jobId, null, submittedAt));
    }
    if (watched.verdict() == AttemptWatch.Verdict.ABANDONED) {
      throw new RunAbort(
          "The SpotTraining client of spot run "
              + setup.name()
              + " was closed while it watched DLC job "
              + jobId
              + "; the job was left as it is. Stop runs before closing their client.",
          null,
          end.unknown(plan, jobId, watched.job(), submittedAt));
    }
    Job job = watched.job();
    if (watched.verdict() != AttemptWatch.Verdict.ENDED) {
      end.announceStop(plan, jobId, watched);
      job = stop(plan, jobId);
    }
    return end.close(plan, job, watched, submittedAt);
  }

  private String submit(AttemptPlan plan) {
    String name = plan.spec().displayName();
    try {
      return setup.dlc().createJob(plan.spec());
    } catch (ServiceUnavailableException e) {
      Optional<Job> existing = findByName(name);
      if (existing.isPresent()) {
        LOG.debug("CreateJob for {} failed ambiguously; found job {}", name, existing.get().id());
        return existing.get().id();
      }
      throw new RunAbort(
          "CreateJob for attempt "
              + plan.number()
              + " of spot run "
              + setup.name()
              + " failed transiently and no job named "
              + name
              + " was found. Nothing more is submitted; check DLC for a job named "
              + name
              + " before starting the run again.",
          e);
    } catch (PaiException e) {
      throw new RunAbort(
          "CreateJob for attempt "
              + plan.number()
              + " of spot run "
              + setup.name()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private Optional<Job> findByName(String name) {
    try {
      return setup.dlc().listJobs(JobFilter.builder().displayName(name).build()).stream()
          .filter(j -> j.displayName().equals(name))
          .findFirst();
    } catch (PaiException e) {
      LOG.debug("looking up job {} failed", name, e);
      return Optional.empty();
    }
  }

  private void announce(AttemptPlan plan, String jobId) {
    Map<String, String> attrs =
        Map.of(
            "resumeFromStep", Long.toString(plan.resumeStep()),
            "spot", Boolean.toString(plan.spot()),
            "displayName", plan.spec().displayName());
    OptionalLong step = OptionalLong.of(plan.resumeStep());
    String what = "Attempt " + plan.number() + " of " + setup.name() + " submitted as " + jobId;
    String from = plan.resumeStep() > 0 ? ", resuming from step " + plan.resumeStep() : "";
    String on = plan.spot() ? " on spot" : " on demand";
    events.emit(
        SpotRunEventType.ATTEMPT_SUBMITTED, plan.number(), jobId, step, what + on + from, attrs);
    if (plan.number() > 1) {
      events.emit(
          SpotRunEventType.RESUBMITTED,
          plan.number(),
          jobId,
          step,
          "Resubmitted "
              + setup.name()
              + " as attempt "
              + plan.number()
              + " ("
              + jobId
              + ")"
              + from,
          attrs);
    }
  }

  /** Stops the job and waits until it is terminal. */
  private Job stop(AttemptPlan plan, String jobId) {
    try {
      setup.dlc().stopJob(jobId);
    } catch (ResourceNotFoundException e) {
      throw new RunAbort(
          "DLC job " + jobId + " of spot run " + setup.name() + " vanished while running", e);
    } catch (PaiException e) {
      // DLC may refuse to stop a job that is ending anyway; the wait below tells.
      LOG.debug("StopJob {} failed; waiting for the job to end", jobId, e);
    }
    Duration poll = setup.policy().pollInterval();
    Duration min = poll.compareTo(Duration.ofSeconds(2)) < 0 ? poll : Duration.ofSeconds(2);
    WaitOptions options =
        WaitOptions.builder().timeout(setup.policy().stopTimeout()).pollDelays(min, poll).build();
    try {
      return setup.dlc().waitUntilFinished(jobId, options);
    } catch (WaiterTimeoutException e) {
      throw new RunAbort(
          "DLC job "
              + jobId
              + " (attempt "
              + plan.number()
              + " of spot run "
              + setup.name()
              + ") did not stop within "
              + setup.policy().stopTimeout()
              + ". Nothing more is submitted; stop it in the console.",
          e);
    }
  }

  private void stopQuietly(String jobId) {
    try {
      setup.dlc().stopJob(jobId);
    } catch (RuntimeException e) {
      LOG.debug("StopJob {} failed", jobId, e);
    }
  }
}
