package dev.pailot.serving.load.internal;

import dev.pailot.serving.client.Timings;
import dev.pailot.serving.load.LatencySummary;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.RunResult;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns a run's samples into a {@link RunResult}: counts, rates, goodput and percentiles. */
final class RunSummary {
  private final Histogram ttft = new Histogram(3);
  private final Histogram tpot = new Histogram(3);
  private final Histogram e2e = new Histogram(3);
  private final Histogram lag = new Histogram(3);

  private RunSummary() {}

  static RunResult of(LoadSpec spec, RunSamples s, long base, long[] offsets, int peak) {
    return new RunSummary().summarise(spec, s, base, offsets, peak);
  }

  private RunResult summarise(LoadSpec spec, RunSamples s, long base, long[] offsets, int peak) {
    long warmup = spec.warmup().toNanos();
    long windowStart = base + warmup;
    long lastDone = windowStart + spec.duration().toNanos();
    int requests = 0;
    int succeeded = 0;
    int good = 0;
    int warm = 0;
    long tokensOut = 0;
    TreeMap<String, Integer> errors = new TreeMap<>();
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] < warmup) {
        warm++;
        continue;
      }
      requests++;
      long sendLag = s.sent[i] - s.intended[i];
      lag.recordValue(Math.max(0, sendLag));
      lastDone = Math.max(lastDone, s.done[i]);
      Timings t = s.timings[i];
      if (t == null) {
        errors.merge(s.errors[i], 1, Integer::sum);
        continue;
      }
      succeeded++;
      tokensOut += t.tokensOut();
      Optional<Duration> firstToken = t.timeToFirstToken().map(d -> d.plusNanos(sendLag));
      Duration endToEnd = t.endToEnd().plusNanos(sendLag);
      firstToken.ifPresent(d -> ttft.recordValue(d.toNanos()));
      t.timePerOutputToken().ifPresent(d -> tpot.recordValue(d.toNanos()));
      e2e.recordValue(endToEnd.toNanos());
      if (spec.slo().isMet(firstToken, t.timePerOutputToken(), endToEnd)) {
        good++;
      }
    }
    double seconds = (lastDone - windowStart) / 1e9;
    return RunResult.builder()
        .label(spec.label())
        .sweepValue(spec.arrivals().ratePerSecond())
        .offeredRate(requests / (spec.duration().toNanos() / 1e9))
        .elapsed(Duration.ofNanos(lastDone - windowStart))
        .requests(requests)
        .succeeded(succeeded)
        .failed(requests - succeeded)
        .good(good)
        .warmupRequests(warm)
        .peakInFlight(peak)
        .throughput(succeeded / seconds)
        .goodput(good / seconds)
        .outputTokensPerSecond(tokensOut / seconds)
        .timeToFirstToken(summary(ttft))
        .timePerOutputToken(summary(tpot))
        .endToEnd(summary(e2e))
        .sendLag(summary(lag))
        .errors(errors)
        .build();
  }

  /**
   * Percentiles of a histogram of nanoseconds.
   *
   * @param h the histogram
   * @return the summary, empty when nothing was recorded
   */
  static Optional<LatencySummary> summary(Histogram h) {
    if (h.getTotalCount() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        LatencySummary.builder()
            .count(h.getTotalCount())
            .mean(Duration.ofNanos(Math.round(h.getMean())))
            .p50(Duration.ofNanos(h.getValueAtPercentile(50)))
            .p90(Duration.ofNanos(h.getValueAtPercentile(90)))
            .p99(Duration.ofNanos(h.getValueAtPercentile(99)))
            .max(Duration.ofNanos(h.getMaxValue()))
            .build());
  }
}
