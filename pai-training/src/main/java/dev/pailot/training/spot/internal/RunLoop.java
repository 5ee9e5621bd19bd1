package dev.pailot.training.spot.internal;

import dev.pailot.core.error.PaiException;
import dev.pailot.training.JobSpec;
import dev.pailot.training.checkpoint.Checkpoint;
import dev.pailot.training.spot.AttemptEnding;
import dev.pailot.training.spot.AttemptReport;
import dev.pailot.training.spot.RunOutcome;
import dev.pailot.training.spot.SpotRunEventType;
import dev.pailot.training.spot.SpotRunPolicy;
import dev.pailot.training.spot.SpotRunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One spot run, start to end, on the calling thread: before each attempt it checks the stop
 * request, the attempt limit, the deadline and the budget, reads the newest complete checkpoint,
 * decides spot or on demand, and runs the attempt to a terminal job; then it resubmits after a
 * preemption or a gang timeout, or ends. Attempts run strictly one after another. Not thread-safe:
 * one thread runs it once.
 */
public final class RunLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

  private final RunSetup setup;
  private final RunControl control;
  private final RunEvents events;
  private final StoreReads store;
  private final AttemptRunner runner;
  private final RunClosing closing;
  private final List<AttemptReport> attempts = new ArrayList<>();
  private int preemptions;
  private boolean onDemand;
  private Instant deadline;

  /**
   * Creates the loop.
   *
   * @param setup what the run works with
   * @param control its stop request
   */
  public RunLoop(RunSetup setup, RunControl control) {
    this.setup = setup;
    this.control = control;
    this.events = new RunEvents(setup.name(), setup.listener(), setup.runtime(), setup.clock());
    this.store = new StoreReads(setup.store());
    this.runner = new AttemptRunner(setup, control, events, store);
    this.closing = new RunClosing(setup, events, store);
  }

  /**
   * Runs to the end. Never throws for the run's outcome: read the report.
   *
   * @return the report
   */
  public SpotRunReport run() {
    Instant startedAt = setup.clock().instant();
    deadline = setup.policy().deadline().map(startedAt::plus).orElse(null);
    RunClosing.End end;
    try {
      end = loop();
    } catch (RunAbort e) {
      e.attempt().ifPresent(attempts::add);
      end = new RunClosing.End(RunOutcome.ERROR, e.getMessage(), Optional.empty());
    } catch (PaiException e) {
      end =
          new RunClosing.End(
              RunOutcome.ERROR,
              "Spot run " + setup.name() + " could not go on: " + e.getMessage(),
              Optional.empty());
    }
    return closing.report(end, startedAt, attempts, preemptions);
  }

  private RunClosing.End loop() {
    for (int n = 1; ; n++) {
      Optional<RunClosing.End> refused = preflight(n);
      if (refused.isPresent()) {
        return refused.get();
      }
      AttemptPlan plan = plan(n);
      refused = budgetGate(plan);
      if (refused.isPresent()) {
        return refused.get();
      }
      AttemptEnd.Result r = runner.run(plan, deadline, spent());
      attempts.add(r.report());
      if (r.report().ending() == AttemptEnding.PREEMPTED) {
        preemptions++;
        countPreemption();
      }
      Optional<RunClosing.End> end = closing.afterAttempt(r);
      if (end.isPresent()) {
        return end.get();
      }
    }
  }

  // Exported as pailot_spot_preemptions_total{job_name}: pai-observability's spot-preemption alert
  // watches it. The label is job_name because Prometheus keeps job for the scrape job.
  private void countPreemption() {
    MeterRegistry registry = setup.runtime().meterRegistry();
    if (registry != null) {
      Counter.builder("pailot.spot.preemptions")
          .description("Spot training attempts reclaimed by the cloud")
          .tag("job_name", setup.name())
          .register(registry)
          .increment();
    }
  }

  private Optional<RunClosing.End> preflight(int n) {
    SpotRunPolicy policy = setup.policy();
    String last = lastJob();
    if (control.stopRequested()) {
      return end(RunOutcome.STOPPED, "Spot run " + setup.name() + " was stopped" + last + ".");
    }
    if (n > policy.maxAttempts()) {
      return end(
          RunOutcome.MAX_ATTEMPTS,
          policy.maxAttempts()
              + " attempts of spot run "
              + setup.name()
              + " ended without success ("
              + preemptions
              + " preemptions)"
              + last
              + ". Raise maxAttempts, or fall back to on-demand with fallbackToOnDemandAfter(n);"
              + " a new run resumes from the newest checkpoint.");
    }
    if (deadline != null && !setup.clock().instant().isBefore(deadline)) {
      return end(
          RunOutcome.DEADLINE, "The deadline of spot run " + setup.name() + " passed" + last + ".");
    }
    return Optional.empty();
  }

  private AttemptPlan plan(int n) {
    Optional<Checkpoint> newest;
    try {
      newest = store.newestComplete();
    } catch (RuntimeException e) {
      throw new RunAbort(
          "Cannot read checkpoint store "
              + store.location()
              + " to choose where attempt "
              + n
              + " of spot run "
              + setup.name()
              + " resumes: "
              + e.getMessage()
              + " Nothing was submitted; fix access to the store and start the run again.",
          e);
    }
    long resume = newest.map(Checkpoint::step).orElse(0L);
    boolean spot = chooseSpot(n);
    JobSpec spec = AttemptSpecs.derive(setup.spec(), setup.name(), n, resume, spot);
    return new AttemptPlan(n, spot, resume, spec);
  }

  private boolean chooseSpot(int n) {
    if (!AttemptSpecs.usesSpot(setup.spec()) || onDemand) {
      return false;
    }
    SpotRunPolicy policy = setup.policy();
    String why = null;
    if (policy.fallbackAfterPreemptions().isPresent()
        && preemptions >= policy.fallbackAfterPreemptions().getAsInt()) {
      why = "after " + preemptions + " preemptions";
    } else if (deadline != null && policy.fallbackWithinDeadline().isPresent()) {
      Duration left = Duration.between(setup.clock().instant(), deadline);
      if (left.compareTo(policy.fallbackWithinDeadline().get()) <= 0) {
        why = "with " + left + " left before the deadline";
      }
    }
    if (why == null) {
      return true;
    }
    onDemand = true;
    events.emit(
        SpotRunEventType.FELL_BACK_TO_ON_DEMAND,
        n,
        null,
        OptionalLong.empty(),
        "Attempt " + n + " of " + setup.name() + " and later ones run on demand, " + why,
        Map.of("reason", why));
    return false;
  }

  private Optional<RunClosing.End> budgetGate(AttemptPlan plan) {
    Optional<BigDecimal> cap = setup.policy().budget();
    if (cap.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal hourly = setup.costs().hourly(plan.spec().roles()).orElseThrow();
    BigDecimal need = CostModel.over(hourly, setup.policy().budgetReserve());
    BigDecimal left = cap.get().subtract(spent());
    if (left.compareTo(need) >= 0) {
      return Optional.empty();
    }
    String message =
        "The budget of spot run "
            + setup.name()
            + " has "
            + left.toPlainString()
            + " "
            + setup.costs().currency()
            + " left, less than the "
            + need.toPlainString()
            + " that "
            + setup.policy().budgetReserve()
            + " of attempt "
            + plan.number()
            + " would cost; nothing more is submitted. Raise the budget to go on.";
    events.emit(
        SpotRunEventType.BUDGET_STOP,
        plan.number(),
        null,
        OptionalLong.empty(),
        message,
        Map.of("left", left.toPlainString(), "need", need.toPlainString()));
    return end(RunOutcome.BUDGET, message);
  }

  private BigDecimal spent() {
    return attempts.stream()
        .map(a -> a.cost().orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private String lastJob() {
    if (attempts.isEmpty()) {
      return " before its first attempt";
    }
    AttemptReport a = attempts.get(attempts.size() - 1);
    return " after attempt " + a.number() + " (DLC job " + a.jobId() + ", " + a.ending() + ")";
  }

  private static Optional<RunClosing.End> end(RunOutcome outcome, String message) {
    LOG.debug("spot run ends {}: {}", outcome, message);
    return Optional.of(new RunClosing.End(outcome, message, Optional.empty()));
  }
}
