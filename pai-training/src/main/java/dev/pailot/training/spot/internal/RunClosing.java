package dev.pailot.training.spot.internal;

import dev.pailot.training.spot.AttemptEnding;
import dev.pailot.training.spot.AttemptFailure;
import dev.pailot.training.spot.AttemptReport;
import dev.pailot.training.spot.RunOutcome;
import dev.pailot.training.spot.SpotRunEventType;
import dev.pailot.training.spot.SpotRunReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides whether a run ends after an attempt, with which outcome and message, and builds the final
 * report (totals from the attempts) and its {@code FINISHED} event. Used from the run's thread
 * only.
 */
final class RunClosing {
  /**
   * How a run ends.
   *
   * @param outcome the outcome
   * @param message what happened and what to do
   * @param failure for {@link RunOutcome#FAILED}, the failed attempt's details
   */
  record End(RunOutcome outcome, String message, Optional<AttemptFailure> failure) {}

  private final RunSetup setup;
  private final RunEvents events;
  private final StoreReads store;

  RunClosing(RunSetup setup, RunEvents events, StoreReads store) {
    this.setup = setup;
    this.events = events;
    this.store = store;
  }

  /** The run's end after this attempt, or empty to submit the next one. */
  Optional<End> afterAttempt(AttemptEnd.Result r) {
    AttemptReport a = r.report();
    String which = "attempt " + a.number() + " (DLC job " + a.jobId() + ")";
    String detail = a.detail().orElse("");
    return switch (a.ending()) {
      case SUCCEEDED -> end(RunOutcome.SUCCEEDED, "Training finished in " + which + ".");
      case PREEMPTED ->
          setup.policy().resumeOnPreemption()
              ? Optional.empty()
              : end(RunOutcome.PREEMPTED, preempted(which, detail) + resume(a));
      case GANG_TIMEOUT ->
          setup.policy().resubmitOnGangTimeout()
              ? Optional.empty()
              : end(
                  RunOutcome.GANG_TIMEOUT, "Not every pod of " + which + " ran in time: " + detail);
      case FAILED ->
          Optional.of(new End(RunOutcome.FAILED, failed(which, a) + resume(a), r.failure()));
      case STOPPED_BY_USER ->
          end(RunOutcome.STOPPED, "Stopped by the caller during " + which + ".");
      case STOPPED_EXTERNALLY ->
          end(
              RunOutcome.STOPPED,
              "The job of " + which + " was stopped outside the run." + resume(a));
      case BUDGET_STOP ->
          end(
              RunOutcome.BUDGET,
              "Budget reached: " + which + " was stopped, " + detail + "." + resume(a));
      case DEADLINE_STOP ->
          end(RunOutcome.DEADLINE, "Deadline passed: " + which + " was stopped." + resume(a));
      case UNKNOWN -> end(RunOutcome.ERROR, "Lost track of " + which + ".");
    };
  }

  private static String preempted(String which, String evidence) {
    return which
        + " was preempted ("
        + evidence
        + ") and the run does not resume: call resumeOnPreemption() to resubmit.";
  }

  private static String failed(String which, AttemptReport a) {
    return which
        + " failed: "
        + sentence(a.detail().orElse(a.status().wireValue()))
        + " Not a preemption, so not retried: fix the cause (see the log tail and events) and"
        + " start the run again.";
  }

  /** The final report; also sends the {@code FINISHED} event. */
  SpotRunReport report(End end, Instant startedAt, List<AttemptReport> attempts, int preemptions) {
    Instant finishedAt = setup.clock().instant();
    SpotRunReport.Builder b =
        SpotRunReport.builder()
            .run(setup.name())
            .outcome(end.outcome())
            .message(end.message())
            .startedAt(startedAt)
            .finishedAt(finishedAt)
            .wallTime(Duration.between(startedAt, finishedAt))
            .attempts(attempts)
            .preemptions(preemptions)
            .currency(setup.costs().currency())
            .failure(end.failure());
    attempts.stream()
        .filter(a -> a.ending() == AttemptEnding.PREEMPTED)
        .forEach(a -> a.lostSteps().ifPresent(b::addLostStepsPerPreemption));
    finalCheckpoint(attempts).ifPresent(b::finalCheckpointStep);
    Optional<BigDecimal> cost = total(attempts, false);
    Optional<BigDecimal> onDemand = total(attempts, true);
    b.cost(cost).onDemandCost(onDemand);
    if (cost.isPresent() && onDemand.isPresent()) {
      b.savings(onDemand.get().subtract(cost.get()));
    }
    SpotRunReport report = b.build();
    finished(report);
    return report;
  }

  private void finished(SpotRunReport report) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("outcome", report.outcome().name());
    attrs.put("attempts", Integer.toString(report.attempts().size()));
    attrs.put("preemptions", Integer.toString(report.preemptions()));
    report.cost().ifPresent(c -> attrs.put("cost", c.toPlainString()));
    report.savings().ifPresent(s -> attrs.put("savings", s.toPlainString()));
    events.emit(
        SpotRunEventType.FINISHED,
        0,
        report.attempts().isEmpty()
            ? null
            : report.attempts().get(report.attempts().size() - 1).jobId(),
        report.finalCheckpointStep(),
        "Spot run " + setup.name() + " " + report.outcome() + ": " + report.message(),
        attrs);
  }

  private OptionalLong finalCheckpoint(List<AttemptReport> attempts) {
    if (!attempts.isEmpty()) {
      OptionalLong last = attempts.get(attempts.size() - 1).checkpointStepAtEnd();
      if (last.isPresent()) {
        return last;
      }
    }
    return store.newestOrEmpty().map(c -> OptionalLong.of(c.step())).orElse(OptionalLong.empty());
  }

  private static Optional<BigDecimal> total(List<AttemptReport> attempts, boolean onDemand) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (AttemptReport a : attempts) {
      Optional<BigDecimal> c = onDemand ? a.onDemandCost() : a.cost();
      if (c.isEmpty()) {
        return Optional.empty();
      }
      sum = sum.add(c.get());
    }
    return Optional.of(sum);
  }

  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") ? t : t + ".";
  }

  private static String resume(AttemptReport a) {
    long step = a.checkpointStepAtEnd().orElse(a.resumedFromStep());
    return " A new run resumes from checkpoint step " + step + ".";
  }

  private static Optional<End> end(RunOutcome outcome, String message) {
    return Optional.of(new End(outcome, message, Optional.empty()));
  }
}
