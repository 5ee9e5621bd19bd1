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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limit steering to a time-to-first-token objective, on a fake clock: windows whose
 * 90th percentile stays under the target raise it, windows above cut it, and the congested samples
 * of requests admitted before a cut do not cut it again.
 */
class TargetAdmissionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long NONE = Long.MAX_VALUE;

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private AdaptiveAdmission admission(int initial) {
    return new AdaptiveAdmission(1, initial, 200, 0.0, 500 * MS, 10, timer, clock::get);
  }

  private List<Permit> take(AdaptiveAdmission admission, int n) {
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      permits.add(admission.acquire(PriorityClass.INTERACTIVE, NONE).join());
    }
    return permits;
  }

  /** Fills the limit, lets 300 ms pass (longer than a window), releases all with one latency. */
  private void round(AdaptiveAdmission admission, long latencyNanos) {
    List<Permit> permits = take(admission, admission.limit());
    clock.addAndGet(300 * MS);
    permits.forEach(p -> p.release(Outcome.SUCCESS, latencyNanos));
  }

  @Test
  void limitRisesUnderTheTargetAndFallsAboveIt() {
    AdaptiveAdmission admission = admission(20);
    for (int i = 0; i < 15; i++) {
      round(admission, 100 * MS);
    }
    int grown = admission.limit();
    assertThat(grown).isGreaterThan(20);

    for (int i = 0; i < 5; i++) {
      round(admission, 900 * MS);
    }
    assertThat(admission.limit()).isLessThan(grown);
    assertThat(admission.inFlight()).isZero();
  }

  @Test
  void requestsAdmittedBeforeACutDoNotCutAgain() {
    AdaptiveAdmission admission = admission(40);
    round(admission, 100 * MS); // 40 fast samples: the window stays open (the clock stands still)
    List<Permit> early = take(admission, 30); // admitted before the cut
    clock.addAndGet(300 * MS);
    // One slow sample closes the window; its 99th percentile is that sample: one cut.
    take(admission, 1).get(0).release(Outcome.SUCCESS, 900 * MS);
    int afterCut = admission.limit();
    assertThat(afterCut).isLessThan(40);

    early.forEach(p -> p.release(Outcome.SUCCESS, 900 * MS));
    clock.addAndGet(300 * MS);
    take(admission, 1).get(0).release(Outcome.SUCCESS, 100 * MS);

    assertThat(admission.staleSamples()).isEqualTo(30);
    assertThat(admission.limit()).isGreaterThanOrEqualTo(afterCut);
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
