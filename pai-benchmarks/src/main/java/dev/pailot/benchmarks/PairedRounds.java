package dev.pailot.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A candidate measured against a baseline in paired rounds, with an A/A control. Each round runs
 * the baseline, the candidate and the baseline again, back to back at the same concurrency, so the
 * candidate is compared with the mean of the two baseline runs around it (slow drift in the
 * machine's load cancels out), and the second baseline run against the first shows how much one
 * client differs from itself between runs on this machine. Ratios are summarised by their median
 * over the rounds: one disturbed round (a GC pause, a neighbour's burst) moves a median little and
 * a total a lot.
 */
final class PairedRounds {
  /** Requests per second, p99 in milliseconds, and the latencies of one run. */
  record Run(
      double rate, double p99, Histogram latencies, long calls, long failures, double seconds) {
    static Run of(ClosedLoop.Result r) {
      Histogram h = r.latencies().getIntervalHistogram();
      return new Run(
          r.callsPerSecond(),
          h.getValueAtPercentile(99) / 1e6,
          h,
          r.calls(),
          r.failures(),
          r.seconds());
    }
  }

  /** One round: baseline, candidate, baseline again. */
  record Round(Run before, Run candidate, Run after) {
    double rateRatio() {
      return candidate.rate / ((before.rate + after.rate) / 2);
    }

    double p99Ratio() {
      return candidate.p99 / ((before.p99 + after.p99) / 2);
    }

    /** How far the baseline's two runs differ in rate, as a fraction of the first. */
    double controlRateDiff() {
      return Math.abs(after.rate / before.rate - 1);
    }

    double controlP99Diff() {
      return Math.abs(after.p99 / before.p99 - 1);
    }
  }

  private final List<Round> rounds = new ArrayList<>();

  /** Runs {@code count} rounds of {@code seconds} per run at {@code concurrency}. */
  static PairedRounds run(
      int count,
      int concurrency,
      double seconds,
      ClosedLoop.Call baseline,
      ClosedLoop.Call candidate)
      throws InterruptedException {
    PairedRounds p = new PairedRounds();
    for (int i = 0; i < count; i++) {
      Run before = Run.of(ClosedLoop.run(concurrency, seconds, baseline));
      Run cand = Run.of(ClosedLoop.run(concurrency, seconds, candidate));
      Run after = Run.of(ClosedLoop.run(concurrency, seconds, baseline));
      p.rounds.add(new Round(before, cand, after));
    }
    return p;
  }

  List<Round> rounds() {
    return rounds;
  }

  double medianRateRatio() {
    return median(rounds.stream().mapToDouble(Round::rateRatio).toArray());
  }

  double medianP99Ratio() {
    return median(rounds.stream().mapToDouble(Round::p99Ratio).toArray());
  }

  double medianControlRateDiff() {
    return median(rounds.stream().mapToDouble(Round::controlRateDiff).toArray());
  }

  double medianControlP99Diff() {
    return median(rounds.stream().mapToDouble(Round::controlP99Diff).toArray());
  }

  /** All of the baseline's (true) or the candidate's runs, merged: rate, p50 and p99 overall. */
  Totals totals(boolean baseline) {
    Histogram all = new Histogram(3);
    long calls = 0;
    long failures = 0;
    double seconds = 0;
    for (Round r : rounds) {
      for (Run run : baseline ? List.of(r.before, r.after) : List.of(r.candidate)) {
        all.add(run.latencies);
        calls += run.calls;
        failures += run.failures;
        seconds += run.seconds;
      }
    }
    return new Totals(
        calls / seconds,
        all.getValueAtPercentile(50) / 1e6,
        all.getValueAtPercentile(99) / 1e6,
        failures);
  }

  /** Overall figures of one client across the rounds. */
  record Totals(double rate, double p50, double p99, long failures) {}

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
