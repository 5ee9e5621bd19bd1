package dev.pailot.serving.client.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.PriorityClass;
import dev.pailot.serving.client.internal.admission.AdmissionController.Outcome;
import dev.pailot.serving.client.internal.admission.AdmissionController.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limit, driven by synthetic latencies on a fake clock: it grows while time to first
 * token stays low and shrinks when it rises; batch load cannot take the interactive share; a
 * request whose expected wait misses its deadline is refused at once. With a first-token target,
 * windows whose 99th percentile stays under it raise the limit (doubling it once per round trip
 * until the first congested window, which halves it), windows above cut it, a stream's first token
 * is learned when it arrives, and the congested samples of requests admitted before a cut do not
 * cut it again only when engine steering is on too.
 */
class AdaptiveAdmissionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long NONE = Long.MAX_VALUE;

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private AdaptiveAdmission admission(int min, int initial, int max, double share, int queue) {
    return new AdaptiveAdmission(min, initial, max, share, 0, queue, timer, clock::get);
  }

  /** Fills the limit, then releases every permit with the given time to first token. */
  static void round(AdmissionController admission, long latencyNanos) {
    List<Permit> permits = new ArrayList<>();
    for (int i = admission.limit(); i > 0; i--) {
      permits.add(admission.acquire(PriorityClass.INTERACTIVE, NONE).join());
    }
    permits.forEach(p -> p.release(Outcome.SUCCESS, latencyNanos));
  }

  @Test
  void limitGrowsWhileLatencyStaysLowAndShrinksWhenItRises() {
    AdaptiveAdmission admission = admission(1, 10, 200, 0.2, 10);
    for (int i = 0; i < 10; i++) {
      round(admission, 20 * MS);
    }
    int grown = admission.limit();
    assertThat(grown).isGreaterThan(10);

    for (int i = 0; i < 10; i++) {
      round(admission, 400 * MS);
    }
    assertThat(admission.limit()).isLessThan(grown);
    assertThat(admission.inFlight()).isZero();
  }

  @Test
  void limitStaysWithinMinAndMax() {
    AdaptiveAdmission admission = admission(10, 10, 12, 0.2, 10);
    for (int i = 0; i < 20; i++) {
      round(admission, 20 * MS);
    }
    assertThat(admission.limit()).isEqualTo(12);
    for (int i = 0; i < 3; i++) {
      round(admission, 2_000 * MS);
    }
    assertThat(admission.limit()).isEqualTo(10);
  }

  @Test
  void droppedReleasesLowerTheLimit() {
    AdaptiveAdmission admission = admission(1, 40, 40, 0.2, 10);
    round(admission, 20 * MS);
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      permits.add(admission.acquire(PriorityClass.INTERACTIVE, NONE).join());
    }
    permits.forEach(p -> p.release(Outcome.DROPPED, MS));
    assertThat(admission.limit()).isLessThan(40);
  }

  @Test
  void steeredCongestedSamplesOfPermitsGrantedBeforeACutDoNotCutAgain() {
    AdaptiveAdmission admission = admission(1, 40, 200, 0.2, 10);
    admission.steerByEngine();
    round(admission, 20 * MS);
    int before = admission.limit();
    List<Permit> running = acquireAll(admission);
    clock.addAndGet(500 * MS); // the engine went past its cliff while these ran
    running.forEach(p -> p.release(Outcome.SUCCESS, 400 * MS));
    int afterOneCut = admission.limit();

    assertThat(afterOneCut).isLessThan(before).isGreaterThanOrEqualTo((int) (0.85 * before));
    assertThat(admission.staleSamples()).isEqualTo(before - 1);

    List<Permit> sentAfterTheCut = acquireAll(admission);
    clock.addAndGet(500 * MS); // still congested: the next round trip cuts again
    sentAfterTheCut.forEach(p -> p.release(Outcome.DROPPED, 400 * MS));
    assertThat(admission.limit()).isLessThan(afterOneCut);
  }

  @Test
  void lowLatencySamplesOfOldPermitsStillCount() {
    AdaptiveAdmission admission = admission(1, 20, 200, 0.2, 10);
    admission.steerByEngine();
    round(admission, 20 * MS);
    List<Permit> running = acquireAll(admission);
    clock.addAndGet(100 * MS);
    running.get(0).release(Outcome.SUCCESS, 400 * MS); // one cut
    int cut = admission.limit();
    running.subList(1, running.size()).forEach(p -> p.release(Outcome.SUCCESS, 20 * MS));
    assertThat(admission.staleSamples()).isZero();
    assertThat(admission.limit()).isGreaterThan(cut);
  }

  @Test
  void withoutEngineSteeringEveryCongestedSampleIsFed() {
    AdaptiveAdmission admission = admission(1, 40, 200, 0.2, 10);
    round(admission, 20 * MS);
    int before = admission.limit();
    List<Permit> running = acquireAll(admission);
    clock.addAndGet(500 * MS);
    running.forEach(p -> p.release(Outcome.SUCCESS, 400 * MS));
    assertThat(admission.staleSamples()).isZero();
    assertThat(admission.limit()).isLessThan((int) (0.5 * before));
  }

  private static List<Permit> acquireAll(AdmissionController admission) {
    List<Permit> permits = new ArrayList<>();
    for (int i = admission.limit(); i > 0; i--) {
      permits.add(admission.acquire(PriorityClass.INTERACTIVE, NONE).join());
    }
    return permits;
  }

  @Test
  void interactiveKeepsItsShareUnderBatchLoad() {
    AdaptiveAdmission admission = admission(10, 10, 10, 0.2, 100);
    List<CompletableFuture<Permit>> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(admission.acquire(PriorityClass.BATCH, NONE));
    }
    assertThat(batch.stream().filter(CompletableFuture::isDone)).hasSize(8);
    assertThat(admission.queued()).isEqualTo(12);

    CompletableFuture<Permit> first = admission.acquire(PriorityClass.INTERACTIVE, NONE);
    CompletableFuture<Permit> second = admission.acquire(PriorityClass.INTERACTIVE, NONE);
    CompletableFuture<Permit> third = admission.acquire(PriorityClass.INTERACTIVE, NONE);
    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(third).isNotDone();

    batch.get(0).join().release(Outcome.SUCCESS, 20 * MS);
    assertThat(third).isDone();
    assertThat(batch.get(8)).isNotDone();
    assertThat(admission.inFlight()).isEqualTo(10);
  }

  @Test
  void refusesAtOnceWhenTheExpectedWaitMissesTheDeadline() {
    AdaptiveAdmission admission = admission(2, 2, 2, 0, 10);
    Permit a = admission.acquire(PriorityClass.INTERACTIVE, NONE).join();
    admission.acquire(PriorityClass.INTERACTIVE, NONE).join();
    clock.addAndGet(1_000 * MS);
    a.release(Outcome.SUCCESS, 50 * MS); // held 1 s: a slot frees every 0.5 s on average
    admission.acquire(PriorityClass.INTERACTIVE, NONE).join();

    CompletableFuture<Permit> hopeless =
        admission.acquire(PriorityClass.INTERACTIVE, clock.get() + 100 * MS);
    assertThatThrownBy(hopeless::join)
        .cause()
        .isInstanceOfSatisfying(
            AdmissionDenial.class,
            d -> assertThat(d.kind()).isEqualTo(AdmissionDenial.Kind.EXPECTED_WAIT));

    CompletableFuture<Permit> patient =
        admission.acquire(PriorityClass.INTERACTIVE, clock.get() + 10_000 * MS);
    assertThat(patient).isNotDone();
    assertThat(admission.queued()).isEqualTo(1);
    patient.cancel(false);
    assertThat(admission.queued()).isZero();
  }

  @Test
  void aQueuedRequestWhoseDeadlinePassesIsRefused() {
    AdaptiveAdmission admission = admission(1, 1, 1, 0, 10);
    admission.acquire(PriorityClass.INTERACTIVE, NONE).join();
    CompletableFuture<Permit> late = admission.acquire(PriorityClass.INTERACTIVE, clock.get() + MS);
    assertThatThrownBy(late::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            AdmissionDenial.class,
            d -> assertThat(d.kind()).isEqualTo(AdmissionDenial.Kind.DEADLINE));
    assertThat(admission.queued()).isZero();
  }

  @Test
  void aFullQueueRefusesAtOnce() {
    AdaptiveAdmission admission = admission(1, 1, 1, 0, 1);
    Permit held = admission.acquire(PriorityClass.INTERACTIVE, NONE).join();
    CompletableFuture<Permit> waiting = admission.acquire(PriorityClass.BATCH, NONE);
    CompletableFuture<Permit> refused = admission.acquire(PriorityClass.BATCH, NONE);
    assertThat(waiting).isNotDone();
    assertThatThrownBy(refused::join)
        .cause()
        .isInstanceOfSatisfying(
            AdmissionDenial.class,
            d -> assertThat(d.kind()).isEqualTo(AdmissionDenial.Kind.QUEUE_FULL));

    held.release(Outcome.IGNORED, 0);
    assertThat(waiting).isDone();
    admission.close();
  }

  /** Steering to a 500 ms first-token objective (the 99th percentile of each window). */
  private AdaptiveAdmission targeted(int initial) {
    return new AdaptiveAdmission(1, initial, 200, 0.0, 500 * MS, 10, timer, clock::get);
  }

  private List<Permit> take(AdaptiveAdmission admission, int n) {
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      permits.add(admission.acquire(PriorityClass.INTERACTIVE, NONE).join());
    }
    return permits;
  }

  /** Fills the limit, lets 1.1 s pass (longer than any window), releases all with one latency. */
  private void windowRound(AdaptiveAdmission admission, long latencyNanos) {
    List<Permit> permits = take(admission, admission.limit());
    clock.addAndGet(1100 * MS);
    permits.forEach(p -> p.release(Outcome.SUCCESS, latencyNanos));
  }

  @Test
  void withATargetTheLimitRisesUnderItAndFallsAboveIt() {
    AdaptiveAdmission admission = targeted(20);
    for (int i = 0; i < 15; i++) {
      windowRound(admission, 100 * MS);
    }
    int grown = admission.limit();
    assertThat(grown).isGreaterThan(20);

    for (int i = 0; i < 5; i++) {
      windowRound(admission, 900 * MS);
    }
    assertThat(admission.limit()).isLessThan(grown);
    assertThat(admission.inFlight()).isZero();
  }

  @Test
  void withATargetTheLimitDoublesOncePerRoundTripUntilTheFirstCongestedWindowThenHalves() {
    AdaptiveAdmission admission = targeted(10);
    // A window closes on the first sample after its end. A round's first release closes the window
    // of the previous round and doubles the limit; the rest of that round was admitted before the
    // doubling and is not fed; so the next round's window starts empty and doubles one round later.
    List<Integer> limits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      windowRound(admission, 100 * MS);
      limits.add(admission.limit());
    }
    assertThat(limits).containsExactly(10, 20, 20, 40, 40, 80);

    limits.clear();
    for (long ttft : new long[] {900, 900, 100, 100}) {
      windowRound(admission, ttft * MS);
      limits.add(admission.limit());
    }
    // The first congested window halves (80 -> 40); the rest of that round's slow samples fill the
    // next window, which AIMD answers with a 10 % cut; then a fast window adds one.
    assertThat(limits).containsExactly(80, 40, 36, 37);
    assertThat(admission.staleSamples()).isZero();
  }

  @Test
  void withATargetTheFirstTokenIsLearnedAtOnceAndNotAgainAtRelease() {
    AdaptiveAdmission admission = targeted(10);
    List<Permit> first = take(admission, 10);
    clock.addAndGet(1100 * MS);
    first.forEach(p -> p.firstToken(100 * MS)); // 1 closes the empty first window, 9 stay in it
    clock.addAndGet(1100 * MS);
    first.forEach(p -> p.release(Outcome.SUCCESS, 900 * MS)); // already learned: not fed
    assertThat(admission.limit()).isEqualTo(10);

    List<Permit> second = take(admission, 10);
    clock.addAndGet(1100 * MS);
    second.forEach(p -> p.firstToken(100 * MS)); // the first closes the window of 10 fast ones
    assertThat(admission.limit()).isEqualTo(20); // doubled while all ten are still held
    assertThat(admission.inFlight()).isEqualTo(10);
    second.forEach(p -> p.release(Outcome.SUCCESS, 900 * MS)); // fed, these would halve it
    clock.addAndGet(1100 * MS);
    take(admission, 1).get(0).firstToken(100 * MS); // closes a window with nothing congested
    assertThat(admission.limit()).isEqualTo(20);
  }

  /**
   * One cut by a slow sample, then 30 slow samples of requests admitted before it and one fast
   * sample closing the next window.
   *
   * @return the limit after the first cut and at the end
   */
  private int[] slowSamplesAfterACut(AdaptiveAdmission admission) {
    windowRound(
        admission, 100 * MS); // 40 fast samples: the window stays open (the clock stands still)
    List<Permit> early = take(admission, 30); // admitted before the cut
    clock.addAndGet(300 * MS);
    // One slow sample closes the window; its 99th percentile is that sample: one cut.
    take(admission, 1).get(0).release(Outcome.SUCCESS, 900 * MS);
    int afterCut = admission.limit();
    early.forEach(p -> p.release(Outcome.SUCCESS, 900 * MS));
    clock.addAndGet(300 * MS);
    take(admission, 1).get(0).release(Outcome.SUCCESS, 100 * MS);
    return new int[] {afterCut, admission.limit()};
  }

  @Test
  void withATargetAndEngineSteeringRequestsAdmittedBeforeACutDoNotCutAgain() {
    AdaptiveAdmission admission = targeted(40);
    admission.steerByEngine();
    int[] limits = slowSamplesAfterACut(admission);
    assertThat(limits[0]).isLessThan(40);
    assertThat(admission.staleSamples()).isEqualTo(30);
    assertThat(limits[1]).isGreaterThanOrEqualTo(limits[0]);
  }

  @Test
  void withATargetAloneEverySlowSampleCounts() {
    AdaptiveAdmission admission = targeted(40);
    int[] limits = slowSamplesAfterACut(admission);
    assertThat(limits[0]).isLessThan(40);
    assertThat(admission.staleSamples()).isZero();
    assertThat(limits[1]).isLessThan(limits[0]);
  }

  @Test
  void aTargetMustBePositive() {
    AdaptiveConcurrency settings = AdaptiveConcurrency.of(1, 8, 64);
    assertThatThrownBy(() -> settings.withFirstTokenTarget(Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("firstTokenTarget");
    assertThat(settings.withFirstTokenTarget(Duration.ofSeconds(1)).firstTokenTarget())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.firstTokenTarget()).isNull();
  }
}
