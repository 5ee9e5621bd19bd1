package dev.pailot.training.spot.internal;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.training.Job;
import dev.pailot.training.JobStatus;
import dev.pailot.training.checkpoint.Checkpoint;
import dev.pailot.training.spot.SpotRunEventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Watches one attempt with {@code pai-core}'s {@link Waiter} (Failsafe): polls GetJob every poll
 * interval, reports the job running and new complete checkpoints, and ends the wait when the job
 * ends or the run must stop it (the caller's stop, the deadline, the gang-start guard, the budget).
 * Throttling, transient errors and a not-yet-visible job are polled through. Used from the run's
 * thread only.
 */
final class AttemptWatch {
  /** Why the watch ended. */
  enum Verdict {
    ENDED,
    USER_STOP,
    DEADLINE,
    GANG_TIMEOUT,
    BUDGET,
    ABANDONED
  }

  /**
   * One observation; {@code verdict} is {@code null} while the attempt runs on.
   *
   * @param job the job as last read, or {@code null} before the first read
   * @param verdict why the watch ends, or {@code null}
   * @param detail what the verdict is based on
   */
  record Result(Job job, Verdict verdict, String detail) {}

  /** What one attempt's watch tracks between polls. */
  private static final class State {
    final AttemptPlan plan;
    final String jobId;
    final GangGuard guard;
    final Instant since;
    Job last;
    int polls;
    boolean runningSeen;
    long checkpointSeen;
    BigDecimal lastCost = BigDecimal.ZERO;

    State(AttemptPlan plan, String jobId, Duration gangTimeout, Instant since) {
      this.plan = plan;
      this.since = since;
      this.jobId = jobId;
      this.guard = new GangGuard(gangTimeout, plan.spec().roles());
      this.checkpointSeen = plan.resumeStep();
    }
  }

  private static final Duration NO_LIMIT = Duration.ofDays(3650);
  private static final int NOT_FOUND_POLLS = 5;
  private static final Duration NOT_FOUND_GRACE = Duration.ofMinutes(1);

  private final RunSetup setup;
  private final RunControl control;
  private final RunEvents events;
  private final StoreReads store;

  AttemptWatch(RunSetup setup, RunControl control, RunEvents events, StoreReads store) {
    this.setup = setup;
    this.control = control;
    this.events = events;
    this.store = store;
  }

  /**
   * Watches until the attempt ends or must be stopped.
   *
   * @param plan the attempt
   * @param jobId its job
   * @param deadline the run's deadline, or {@code null}
   * @param spentBefore what earlier attempts cost
   * @return the last observation, with its verdict
   */
  Result watch(AttemptPlan plan, String jobId, Instant deadline, BigDecimal spentBefore) {
    State st =
        new State(
            plan, jobId, setup.policy().gangStartTimeout().orElse(null), setup.clock().instant());
    Duration poll = setup.policy().pollInterval();
    control.enterWatch();
    try {
      return Waiter.<Result>builder("spot run " + setup.name() + " attempt " + plan.number())
          .poll(() -> observe(st, deadline, spentBefore))
          .state(r -> r.job() == null ? "unknown" : r.job().statusText())
          .until(r -> r.verdict() != null)
          .tolerate(ServiceUnavailableException.class)
          .tolerate(ThrottlingException.class)
          .delays(poll, poll)
          .timeout(NO_LIMIT)
          .build()
          .await();
    } catch (RuntimeException e) {
      // A stop or a closing client interrupts the wait; anything else is a real failure.
      if (control.abandoned()) {
        return new Result(st.last, Verdict.ABANDONED, "the client closed");
      }
      if (control.stopRequested()) {
        return new Result(st.last, Verdict.USER_STOP, "the caller asked the run to stop");
      }
      throw e;
    } finally {
      control.leaveWatch();
    }
  }

  private Result observe(State st, Instant deadline, BigDecimal spentBefore) {
    if (control.abandoned()) {
      return new Result(st.last, Verdict.ABANDONED, "the client closed");
    }
    Optional<Job> read = read(st);
    if (read.isEmpty()) {
      return new Result(null, null, null);
    }
    Job job = read.get();
    st.last = job;
    announceRunning(st, job);
    observeCheckpoint(st);
    if (job.status().isTerminal()) {
      return new Result(job, Verdict.ENDED, job.statusText());
    }
    Instant now = setup.clock().instant();
    if (control.stopRequested()) {
      return new Result(job, Verdict.USER_STOP, "the caller asked the run to stop");
    }
    if (job.status() == JobStatus.SUCCEEDED_RESERVING
        || job.status() == JobStatus.FAILED_RESERVING) {
      return new Result(job, null, null); // training is over; DLC ends it after the reservation
    }
    if (deadline != null && !now.isBefore(deadline)) {
      return new Result(job, Verdict.DEADLINE, "the run's deadline " + deadline + " passed");
    }
    Optional<String> gang = st.guard.check(job, now);
    if (gang.isPresent()) {
      return new Result(job, Verdict.GANG_TIMEOUT, gang.get());
    }
    return budget(st, job, now, spentBefore)
        .map(d -> new Result(job, Verdict.BUDGET, d))
        .orElseGet(() -> new Result(job, null, null));
  }

  /**
   * Reads the job. Right after CreateJob, GetJob may not see it yet: "not found" is polled through
   * until the job has been seen once, for at least {@value #NOT_FOUND_POLLS} polls and {@link
   * #NOT_FOUND_GRACE}; after that, or once seen, the job is gone and the watch fails.
   */
  private Optional<Job> read(State st) {
    st.polls++;
    try {
      return Optional.of(setup.dlc().getJob(st.jobId));
    } catch (ResourceNotFoundException e) {
      Duration waited = Duration.between(st.since, setup.clock().instant());
      if (st.last == null
          && (st.polls < NOT_FOUND_POLLS || waited.compareTo(NOT_FOUND_GRACE) < 0)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void announceRunning(State st, Job job) {
    if (!st.runningSeen && job.status() == JobStatus.RUNNING) {
      st.runningSeen = true;
      events.emit(
          SpotRunEventType.ATTEMPT_RUNNING,
          st.plan.number(),
          st.jobId,
          OptionalLong.empty(),
          "Attempt " + st.plan.number() + " of " + setup.name() + " (" + st.jobId + ") is running",
          Map.of("pods", Integer.toString(job.pods().size())));
    }
  }

  private void observeCheckpoint(State st) {
    Optional<Checkpoint> newest = store.newestOrEmpty();
    if (newest.isPresent() && newest.get().step() > st.checkpointSeen) {
      st.checkpointSeen = newest.get().step();
      events.emit(
          SpotRunEventType.CHECKPOINT_OBSERVED,
          st.plan.number(),
          st.jobId,
          OptionalLong.of(st.checkpointSeen),
          "Checkpoint step-" + st.checkpointSeen + " of " + setup.name() + " is complete",
          Map.of("location", newest.get().location()));
    }
  }

  /** Stops before the cap would be crossed: at the next poll, spend grows by the last increase. */
  private Optional<String> budget(State st, Job job, Instant now, BigDecimal spentBefore) {
    Optional<BigDecimal> cap = setup.policy().budget();
    if (cap.isEmpty()) {
      return Optional.empty();
    }
    CostModel costs = setup.costs();
    BigDecimal current =
        costs.cost(st.plan.spec().roles(), CostModel.billable(job, now), false).orElseThrow();
    BigDecimal perPoll =
        CostModel.over(
            costs.hourly(st.plan.spec().roles()).orElseThrow(), setup.policy().pollInterval());
    BigDecimal increase = current.subtract(st.lastCost).max(perPoll);
    st.lastCost = current;
    BigDecimal spent = spentBefore.add(current);
    if (spent.add(increase).compareTo(cap.get()) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "spent "
            + spent.toPlainString()
            + " of the budget "
            + cap.get().toPlainString()
            + " "
            + costs.currency()
            + "; the next "
            + increase.toPlainString()
            + " would cross it");
  }
}
