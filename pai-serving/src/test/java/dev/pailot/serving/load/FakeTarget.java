package dev.pailot.serving.load;

import dev.pailot.serving.client.Timings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A target that answers after a per-request delay with timings of its own choosing. */
final class FakeTarget implements LoadTarget {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final IntFunction<Duration> delay;
  private final IntFunction<Timings> timings;

  FakeTarget(IntFunction<Duration> delay, IntFunction<Timings> timings) {
    this.delay = delay;
    this.timings = timings;
  }

  static Timings timings(Duration ttft, Duration tpot, Duration e2e, int tokens) {
    return Timings.builder()
        .queueWait(Duration.ZERO)
        .timeToFirstToken(ttft)
        .timePerOutputToken(tpot)
        .endToEnd(e2e)
        .tokensIn(10)
        .tokensOut(tokens)
        .attempts(1)
        .endpoint("http://fake")
        .build();
  }

  @Override
  public CompletableFuture<Timings> send(LoadRequest request) {
    CompletableFuture<Timings> answer = new CompletableFuture<>();
    long start = System.nanoTime();
    timer.schedule(
        () -> {
          Timings t = timings.apply(request.index());
          if (t == null) {
            answer.completeExceptionally(new IllegalStateException("fake failure"));
          } else {
            answer.complete(t);
          }
        },
        delay.apply(request.index()).toNanos(),
        TimeUnit.NANOSECONDS);
    return answer;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
