package dev.pailot.serving.load.internal;

import dev.pailot.serving.client.Timings;
import dev.pailot.serving.load.LoadRequest;
import dev.pailot.serving.load.LoadSpec;
import dev.pailot.serving.load.LoadTarget;
import dev.pailot.serving.load.RunResult;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load run on the calling thread: sends every request at its precomputed absolute time,
 * records each outcome against that intended time, then drains and summarises.
 */
public final class Dispatcher {
  /** Lead before the first send, so the schedule does not start behind. */
  private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final LoadTarget target;
  private final LoadSpec spec;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  /**
   * A dispatcher for one run.
   *
   * @param target what to drive
   * @param spec the run
   */
  public Dispatcher(LoadTarget target, LoadSpec spec) {
    this.target = target;
    this.spec = spec;
  }

  /**
   * Runs the load and summarises it; blocks until the run and its drain end.
   *
   * @return the result
   * @throws InterruptedException when the calling thread is interrupted (in-flight requests are
   *     cancelled)
   */
  public RunResult run() throws InterruptedException {
    long[] offsets = spec.arrivals().sendTimes(spec.warmup().plus(spec.duration()), spec.seed());
    LoadRequest[] requests = requests(offsets.length);
    RunSamples samples = new RunSamples(offsets.length);
    @SuppressWarnings({"unchecked", "rawtypes"})
    CompletableFuture<Timings>[] calls = new CompletableFuture[offsets.length];
    CompletableFuture<?>[] recorded = new CompletableFuture<?>[offsets.length];
    Semaphore cap = new Semaphore(spec.maxInFlight().orElse(Integer.MAX_VALUE));
    long base = System.nanoTime() + START_LEAD_NANOS;
    try {
      for (int i = 0; i < offsets.length; i++) {
        long intended = base + offsets[i];
        sleepUntil(intended);
        cap.acquire();
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        samples.intended[i] = intended;
        samples.sent[i] = System.nanoTime();
        calls[i] = send(requests[i]);
        int index = i;
        recorded[i] =
            calls[i].handle(
                (t, e) -> {
                  samples.record(index, t, e, System.nanoTime());
                  inFlight.decrementAndGet();
                  cap.release();
                  return null;
                });
      }
      drain(calls, recorded, samples);
    } catch (InterruptedException e) {
      cancelAll(calls);
      throw e;
    }
    return RunSummary.of(spec, samples, base, offsets, peak.get());
  }

  private CompletableFuture<Timings> send(LoadRequest request) {
    try {
      CompletableFuture<Timings> call = target.send(request);
      return call != null
          ? call
          : CompletableFuture.failedFuture(new IllegalStateException("target returned null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void drain(
      CompletableFuture<Timings>[] calls, CompletableFuture<?>[] recorded, RunSamples samples)
      throws InterruptedException {
    CompletableFuture<Void> all = CompletableFuture.allOf(recorded);
    try {
      all.get(spec.drainTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      samples.draining = true;
      cancelAll(calls);
      all.join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("recording a load result failed", e.getCause());
    }
  }

  private static void cancelAll(CompletableFuture<Timings>[] calls) {
    for (CompletableFuture<Timings> call : calls) {
      if (call != null) {
        call.cancel(true);
      }
    }
  }

  private LoadRequest[] requests(int n) {
    Random random = new Random(spec.seed() * 31 + 7);
    LoadRequest[] requests = new LoadRequest[n];
    for (int i = 0; i < n; i++) {
      requests[i] =
          LoadRequest.builder()
              .index(i)
              .promptTokens(spec.promptTokens().sample(random))
              .outputTokens(spec.outputTokens().sample(random))
              .build();
    }
    return requests;
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    long wait;
    while ((wait = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException("load run interrupted");
      }
    }
  }
}
