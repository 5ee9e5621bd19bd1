package dev.pailot.serving.load;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.load.internal.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives a {@link LoadTarget} with open-loop load: every request is sent at its precomputed
 * absolute time whatever the answers do, and its latencies count from that intended time, so a slow
 * server cannot slow the load down and hide its own latency (no coordinated omission).
 *
 * <p>Runs block the calling thread; sends happen on one dispatching thread the generator owns
 * ({@code pailot-load-dispatch-N}, daemon), and completions are recorded on whatever thread
 * completes the target's future. One run at a time per generator; {@link #close()} stops the thread
 * and does not close the target.
 *
 * <pre>{@code
 * try (LoadGenerator load = LoadGenerator.create(LoadTarget.chatStream(client))) {
 *   RunResult result = load.run(spec);
 * }
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final LoadTarget target;
  private final ExecutorService dispatch;

  private LoadGenerator(LoadTarget target) {
    this.target = target;
    this.dispatch =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "pailot-load-dispatch-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A generator driving {@code target}.
   *
   * @param target what to send requests to; not closed by the generator
   * @return the generator
   */
  public static LoadGenerator create(LoadTarget target) {
    if (target == null) {
      throw ValidationException.invalidField("target", "is null", "pass a LoadTarget");
    }
    return new LoadGenerator(target);
  }

  /**
   * Runs one load run and returns its result; blocks for the warm-up, the duration and the drain.
   *
   * @param spec the run
   * @return what it measured
   * @throws CancellationException when the calling thread is interrupted (in-flight requests are
   *     cancelled and the interrupt flag is restored), or when {@link #close()} stops the run
   */
  public RunResult run(LoadSpec spec) {
    Future<RunResult> run = dispatch.submit(() -> new Dispatcher(target, spec).run());
    try {
      return run.get();
    } catch (InterruptedException e) {
      run.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("load run interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException) {
        throw new CancellationException("load run stopped: the generator was closed");
      }
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("load run failed", e.getCause());
    }
  }

  /**
   * Runs {@code base} once per offered rate, in order, and reports them with the knee.
   *
   * @param title the report title
   * @param base the run settings; its arrival process is re-rated for each run
   * @param rates offered rates in requests per second
   * @return the report
   */
  public LoadReport sweepRates(String title, LoadSpec base, List<Double> rates) {
    List<RunResult> runs = new ArrayList<>();
    for (double rate : rates) {
      LoadSpec spec =
          base.toBuilder()
              .arrivals(base.arrivals().atRate(rate))
              .label(String.format(Locale.ROOT, "%.2f req/s", rate))
              .build();
      runs.add(run(spec));
    }
    return LoadReport.builder().title(title).runs(runs).slo(base.slo()).build();
  }

  /**
   * Runs {@code spec} once per client concurrency limit, each against a fresh target from {@code
   * targets} (closed after its run), and reports them with the knee: the smallest limit whose
   * goodput is near the best.
   *
   * @param title the report title
   * @param spec the run, the same for every limit
   * @param limits the concurrency limits to try
   * @param targets makes the target for a limit (for example a client built with that limit)
   * @return the report
   */
  public static LoadReport sweepConcurrency(
      String title, LoadSpec spec, List<Integer> limits, IntFunction<LoadTarget> targets) {
    List<RunResult> runs = new ArrayList<>();
    for (int limit : limits) {
      try (LoadTarget target = targets.apply(limit);
          LoadGenerator load = create(target)) {
        RunResult r = load.run(spec.toBuilder().label("limit " + limit).build());
        runs.add(RunResult.builder().from(r).sweepValue(limit).build());
      }
    }
    return LoadReport.builder()
        .title(title)
        .sweepVariable("client concurrency limit")
        .runs(runs)
        .slo(spec.slo())
        .build();
  }

  /** Stops the dispatching thread; a run in progress is interrupted. */
  @Override
  public void close() {
    dispatch.shutdownNow();
  }
}
