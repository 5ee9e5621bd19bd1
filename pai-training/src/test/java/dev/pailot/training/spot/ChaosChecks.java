package dev.pailot.training.spot;

import dev.pailot.core.pricing.PriceBook;
import dev.pailot.testkit.localpai.DlcTrainingRecord;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.training.DlcClient;
import dev.pailot.training.Job;
import dev.pailot.training.JobRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos benchmark's checks of one run, from sources other than the run's own report where
 * possible: LocalPai's training records (steps reached, checkpoints, resume steps), DLC's job times
 * (GetJob through a separate client), and the price book applied by hand.
 */
final class ChaosChecks {
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  /**
   * What one run did and whether it passed.
   *
   * @param run run number
   * @param interval checkpoint interval in steps
   * @param outcome the run's outcome
   * @param attempts attempts
   * @param preemptions preemptions
   * @param lostSteps per preemption: last step reached minus the next attempt's resume step
   * @param reportedLostSteps per preemption: what the report says
   * @param overlaps attempts whose job was created before the previous one finished (DLC times)
   * @param cost the report's cost
   * @param onDemand the report's on-demand cost
   * @param savings the report's savings
   * @param recomputedSavings savings recomputed from DLC's durations and the price book
   * @param wallSeconds the run's wall time
   * @param problems what failed
   */
  record RunResult(
      int run,
      int interval,
      RunOutcome outcome,
      int attempts,
      int preemptions,
      List<Long> lostSteps,
      List<Long> reportedLostSteps,
      int overlaps,
      BigDecimal cost,
      BigDecimal onDemand,
      BigDecimal savings,
      BigDecimal recomputedSavings,
      double wallSeconds,
      List<String> problems) {
    boolean passed() {
      return problems.isEmpty();
    }
  }

  private ChaosChecks() {}

  static RunResult check(
      int n,
      int interval,
      SpotRunReport report,
      LocalPai localPai,
      DlcClient observer,
      PriceBook prices) {
    List<String> problems = new ArrayList<>();
    if (report.outcome() != RunOutcome.SUCCEEDED) {
      problems.add("run " + n + " ended " + report.outcome() + ": " + report.message());
    }
    List<AttemptReport> attempts = report.attempts();
    List<Long> lost = new ArrayList<>();
    List<Long> reported = new ArrayList<>();
    lostWork(n, interval, attempts, localPai, lost, reported, problems);
    List<Job> jobs = attempts.stream().map(a -> observer.getJob(a.jobId())).toList();
    int overlaps = overlaps(jobs);
    if (overlaps > 0) {
      problems.add("run " + n + ": " + overlaps + " attempts overlap by DLC's job times");
    }
    BigDecimal recomputed = recomputeSavings(jobs, prices);
    BigDecimal savings = report.savings().orElse(null);
    if (savings == null || savings.compareTo(recomputed) != 0) {
      problems.add("run " + n + ": savings " + savings + " but the price book gives " + recomputed);
    }
    return new RunResult(
        n,
        interval,
        report.outcome(),
        attempts.size(),
        report.preemptions(),
        lost,
        reported,
        overlaps,
        report.cost().orElse(null),
        report.onDemandCost().orElse(null),
        savings,
        recomputed,
        report.wallTime().toMillis() / 1000.0,
        problems);
  }

  /**
   * Per preemption: the last step the preempted job executed minus the step the next attempt
   * resumed from (LocalPai's records), and what the report says.
   */
  private static void lostWork(
      int n,
      int interval,
      List<AttemptReport> attempts,
      LocalPai localPai,
      List<Long> lost,
      List<Long> reported,
      List<String> problems) {
    for (int i = 0; i + 1 < attempts.size(); i++) {
      AttemptReport a = attempts.get(i);
      if (a.ending() != AttemptEnding.PREEMPTED) {
        continue;
      }
      DlcTrainingRecord now = localPai.dlc().training(a.jobId()).orElseThrow();
      DlcTrainingRecord next = localPai.dlc().training(attempts.get(i + 1).jobId()).orElseThrow();
      long l = now.lastStep() - next.resumedFromStep();
      lost.add(l);
      a.lostSteps().ifPresent(reported::add);
      if (l > interval || now.lostSteps() > interval) {
        problems.add(
            "run " + n + " lost " + l + " steps in " + a.jobId() + " (interval " + interval + ")");
      }
    }
  }

  /** Attempts created before their predecessor finished, by DLC's GmtCreateTime/GmtFinishTime. */
  private static int overlaps(List<Job> jobs) {
    int overlaps = 0;
    for (int i = 1; i < jobs.size(); i++) {
      Job prev = jobs.get(i - 1);
      Job next = jobs.get(i);
      if (prev.finishedAt().isEmpty()
          || next.createdAt().orElseThrow().isBefore(prev.finishedAt().get())) {
        overlaps++;
      }
    }
    return overlaps;
  }

  /**
   * On-demand cost minus cost, each role priced at hourly price x pods x DLC's Duration, rounded to
   * cents per role; spot roles at the spot price.
   */
  static BigDecimal recomputeSavings(List<Job> jobs, PriceBook prices) {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal onDemand = BigDecimal.ZERO;
    for (Job job : jobs) {
      long seconds = job.duration().orElseThrow().getSeconds();
      for (JobRole role : job.roles()) {
        String type = role.ecsSpec().orElseThrow();
        BigDecimal od = prices.find(type).orElseThrow().onDemandHourly();
        BigDecimal spot = prices.find(type).orElseThrow().spotHourly().orElseThrow();
        onDemand = onDemand.add(price(od, role.podCount(), seconds));
        cost = cost.add(price(role.spot() ? spot : od, role.podCount(), seconds));
      }
    }
    return onDemand.subtract(cost);
  }

  private static BigDecimal price(BigDecimal hourly, int pods, long seconds) {
    return hourly
        .multiply(BigDecimal.valueOf(pods))
        .multiply(BigDecimal.valueOf(seconds))
        .divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
  }
}
