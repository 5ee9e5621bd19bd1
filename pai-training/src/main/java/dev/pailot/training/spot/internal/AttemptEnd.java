package dev.pailot.training.spot.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import dev.pailot.training.JobStatus;
import dev.pailot.training.Pod;
import dev.pailot.training.PodStatus;
import dev.pailot.training.checkpoint.Checkpoint;
import dev.pailot.training.spot.AttemptEnding;
import dev.pailot.training.spot.AttemptFailure;
import dev.pailot.training.spot.AttemptReport;
import dev.pailot.training.spot.SpotRunEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes one attempt whose job is terminal: how it ended (the classifier decides between preemption
 * and failure), the newest checkpoint, the work a preemption lost, a failure's log tail and events,
 * the costs, and the events that say so. Used from the run's thread only.
 */
final class AttemptEnd {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptEnd.class);

  /**
   * A closed attempt.
   *
   * @param report the attempt's report
   * @param failure for a failed attempt, its reason, log tail and events
   */
  record Result(AttemptReport report, Optional<AttemptFailure> failure) {}

  private final RunSetup setup;
  private final RunControl control;
  private final RunEvents events;
  private final StoreReads store;
  private final Pattern stepPattern;

  AttemptEnd(RunSetup setup, RunControl control, RunEvents events, StoreReads store) {
    this.setup = setup;
    this.control = control;
    this.events = events;
    this.store = store;
    this.stepPattern = Pattern.compile(setup.policy().stepLogPattern());
  }

  /** Says why the run is about to stop a running attempt. */
  void announceStop(AttemptPlan plan, String jobId, AttemptWatch.Result watched) {
    SpotRunEventType type =
        switch (watched.verdict()) {
          case GANG_TIMEOUT -> SpotRunEventType.GANG_TIMEOUT;
          case BUDGET -> SpotRunEventType.BUDGET_STOP;
          case DEADLINE -> SpotRunEventType.DEADLINE_STOP;
          default -> SpotRunEventType.STOP_REQUESTED;
        };
    String message =
        "Stopping attempt " + plan.number() + " of " + setup.name() + " (" + jobId + "): ";
    events.emit(
        type,
        plan.number(),
        jobId,
        OptionalLong.empty(),
        message + watched.detail(),
        Map.of("detail", watched.detail()));
  }

  /** Closes the attempt; {@code job} is terminal. */
  Result close(AttemptPlan plan, Job job, AttemptWatch.Result watched, Instant submittedAt) {
    Instant endedAt = setup.clock().instant();
    List<JobEvent> jobEvents = List.of();
    AttemptEnding ending = stoppedBy(watched.verdict());
    String detail = watched.detail();
    if (ending == null) {
      if (job.status() == JobStatus.FAILED) {
        jobEvents = jobEvents(job.id());
        Optional<String> evidence = preemption(job, jobEvents);
        ending = evidence.isPresent() ? AttemptEnding.PREEMPTED : AttemptEnding.FAILED;
        detail = evidence.orElse(job.reasonMessage().orElse(job.statusText()));
      } else if (job.status() == JobStatus.STOPPED) {
        ending =
            control.stopRequested()
                ? AttemptEnding.STOPPED_BY_USER
                : AttemptEnding.STOPPED_EXTERNALLY;
      } else {
        ending = AttemptEnding.SUCCEEDED;
      }
    }
    Optional<Checkpoint> newest = store.newestOrEmpty();
    AttemptReport.Builder b = base(plan, job, submittedAt, endedAt, newest).ending(ending);
    Optional.ofNullable(detail).ifPresent(b::detail);
    Optional<AttemptFailure> failure = Optional.empty();
    if (ending == AttemptEnding.PREEMPTED) {
      preempted(plan, job, newest, b);
    } else if (ending == AttemptEnding.FAILED) {
      failure = Optional.of(failure(plan, job, jobEvents));
    }
    return new Result(b.build(), failure);
  }

  /** The report of an attempt the run lost track of; {@code last} is its last view, if any. */
  AttemptReport unknown(AttemptPlan plan, String jobId, Job last, Instant submittedAt) {
    Instant now = setup.clock().instant();
    Job job = last != null ? last : Job.builder().id(jobId).status(JobStatus.UNKNOWN).build();
    return base(plan, job, submittedAt, now, Optional.empty())
        .ending(AttemptEnding.UNKNOWN)
        .detail("the run lost track of it; the job may still exist")
        .build();
  }

  private static AttemptEnding stoppedBy(AttemptWatch.Verdict verdict) {
    return switch (verdict) {
      case USER_STOP -> AttemptEnding.STOPPED_BY_USER;
      case DEADLINE -> AttemptEnding.DEADLINE_STOP;
      case GANG_TIMEOUT -> AttemptEnding.GANG_TIMEOUT;
      case BUDGET -> AttemptEnding.BUDGET_STOP;
      case ENDED, ABANDONED -> null;
    };
  }

  private AttemptReport.Builder base(
      AttemptPlan plan,
      Job job,
      Instant submittedAt,
      Instant endedAt,
      Optional<Checkpoint> newest) {
    Duration running = CostModel.billable(job, job.finishedAt().orElse(endedAt));
    Duration wall = Duration.between(submittedAt, endedAt);
    AttemptReport.Builder b =
        AttemptReport.builder()
            .number(plan.number())
            .jobId(job.id())
            .displayName(plan.spec().displayName())
            .spot(plan.spot())
            .resumedFromStep(plan.resumeStep())
            .status(job.status())
            .reasonCode(job.reasonCode())
            .submittedAt(submittedAt)
            .runningAt(job.runningAt())
            .endedAt(endedAt)
            .finishedAt(job.finishedAt())
            .wallTime(wall.isNegative() ? Duration.ZERO : wall)
            .runningTime(running)
            .cost(setup.costs().cost(plan.spec().roles(), running, false))
            .onDemandCost(setup.costs().cost(plan.spec().roles(), running, true));
    newest.ifPresent(c -> b.checkpointStepAtEnd(c.step()));
    return b;
  }

  private void preempted(
      AttemptPlan plan, Job job, Optional<Checkpoint> newest, AttemptReport.Builder b) {
    List<String> tail = logTail(job, rankZero(job));
    Instant end = job.finishedAt().orElse(setup.clock().instant());
    LostWork lost = LostWork.measure(job, end, plan.resumeStep(), newest, tail, stepPattern);
    b.lastStepReached(lost.lastStepReached()).lostSteps(lost.lostSteps()).lostTime(lost.lostTime());
    Map<String, String> attrs = new HashMap<>();
    job.reasonCode().ifPresent(c -> attrs.put("reasonCode", c));
    lost.lastStepReached().ifPresent(s -> attrs.put("lastStepReached", Long.toString(s)));
    lost.lostSteps().ifPresent(s -> attrs.put("lostSteps", Long.toString(s)));
    lost.lostTime().ifPresent(t -> attrs.put("lostTime", t.toString()));
    long resume = newest.map(Checkpoint::step).orElse(0L);
    events.emit(
        SpotRunEventType.PREEMPTED,
        plan.number(),
        job.id(),
        OptionalLong.of(resume),
        "Attempt "
            + plan.number()
            + " of "
            + setup.name()
            + " ("
            + job.id()
            + ") was preempted; the newest complete checkpoint is step "
            + resume
            + lost.lostSteps().stream()
                .mapToObj(s -> ", " + s + " steps lost")
                .findFirst()
                .orElse(""),
        attrs);
  }

  private AttemptFailure failure(AttemptPlan plan, Job job, List<JobEvent> jobEvents) {
    Optional<Pod> pod =
        job.pods().stream()
            .filter(p -> p.status() == PodStatus.FAILED)
            .findFirst()
            .or(() -> rankZero(job));
    int keep = setup.policy().logTailLines();
    List<String> texts = jobEvents.stream().map(JobEvent::text).toList();
    AttemptFailure.Builder f =
        AttemptFailure.builder()
            .attempt(plan.number())
            .jobId(job.id())
            .status(job.statusText())
            .reasonCode(job.reasonCode())
            .reasonMessage(job.reasonMessage())
            .logTail(logTail(job, pod))
            .events(texts.subList(Math.max(0, texts.size() - keep), texts.size()));
    pod.ifPresent(p -> f.podId(p.id()));
    events.emit(
        SpotRunEventType.ATTEMPT_FAILED,
        plan.number(),
        job.id(),
        OptionalLong.empty(),
        "Attempt "
            + plan.number()
            + " of "
            + setup.name()
            + " ("
            + job.id()
            + ") failed: "
            + job.reasonCode().orElse(job.statusText())
            + job.reasonMessage().map(m -> " " + m).orElse("")
            + "; not a preemption, so not retried",
        job.reasonCode().map(c -> Map.of("reasonCode", c)).orElse(Map.of()));
    return f.build();
  }

  private Optional<String> preemption(Job job, List<JobEvent> jobEvents) {
    try {
      return setup.classifier().preemption(job, jobEvents);
    } catch (RuntimeException e) {
      LOG.debug("preemption classifier threw for job {}; taken as a failure", job.id(), e);
      return Optional.empty();
    }
  }

  private List<JobEvent> jobEvents(String jobId) {
    try {
      return setup.dlc().events(jobId);
    } catch (PaiException e) {
      LOG.debug("GetJobEvents {} failed", jobId, e);
      return List.of();
    }
  }

  private List<String> logTail(Job job, Optional<Pod> pod) {
    if (pod.isEmpty()) {
      return List.of();
    }
    try {
      return setup.dlc().podLogs(job.id(), pod.get().id(), setup.policy().logTailLines());
    } catch (PaiException e) {
      LOG.debug("GetPodLogs {}/{} failed", job.id(), pod.get().id(), e);
      return List.of();
    }
  }

  /** The pod that logs for the job: the master, else the first worker, else the first pod. */
  private static Optional<Pod> rankZero(Job job) {
    return job.pods().stream()
        .min(
            Comparator.comparingInt(
                (Pod p) ->
                    "master".equalsIgnoreCase(p.role())
                        ? 0
                        : "worker".equalsIgnoreCase(p.role()) ? 1 : 2));
  }
}
