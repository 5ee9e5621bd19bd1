package dev.pailot.serving.client.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.serving.client.PriorityClass;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engine feedback on the adaptive limit, on a fake clock with synthetic latencies: while an engine
 * is saturated the limit shrinks each interval and cannot grow even when time to first token looks
 * good; once the pressure is gone it grows again with Gradient2.
 */
class EngineFeedbackAdmissionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private AdaptiveAdmission admission() {
    return new AdaptiveAdmission(2, 40, 200, 0.2, 0, 100, timer, clock::get);
  }

  @Test
  void pressureShrinksTheLimitAndKeepsItFromGrowing() {
    AdaptiveAdmission admission = admission();

    admission.engineFeedback(true, 0.9);
    assertThat(admission.limit()).isEqualTo(36);
    admission.engineFeedback(true, 0.9);
    assertThat(admission.limit()).isEqualTo(32);

    // Low latency would make Gradient2 grow the limit; the cap holds it.
    for (int i = 0; i < 20; i++) {
      AdaptiveAdmissionTest.round(admission, 20 * MS);
    }
    assertThat(admission.limit()).isLessThanOrEqualTo(32);
    assertThat(admission.engineCap()).isEqualTo(32);
  }

  @Test
  void withoutPressureTheLimitFollowsGradient2Again() {
    AdaptiveAdmission admission = admission();
    for (int i = 0; i < 10; i++) {
      admission.engineFeedback(true, 0.9);
    }
    int squeezed = admission.limit();
    assertThat(squeezed).isLessThan(20);

    // The cap comes back gradually, never in one jump.
    int cap = admission.engineCap();
    admission.engineFeedback(false, 0.9);
    assertThat(admission.engineCap()).isGreaterThan(cap).isLessThanOrEqualTo(cap * 12 / 10 + 1);
    for (int i = 0; i < 60; i++) {
      admission.engineFeedback(false, 0.9);
    }
    assertThat(admission.engineCap()).isEqualTo(200);
    for (int i = 0; i < 30; i++) {
      AdaptiveAdmissionTest.round(admission, 20 * MS);
    }
    assertThat(admission.limit()).isGreaterThan(squeezed);
  }

  @Test
  void theLimitNeverGoesBelowItsMinimum() {
    AdaptiveAdmission admission = admission();
    for (int i = 0; i < 100; i++) {
      admission.engineFeedback(true, 0.5);
    }
    assertThat(admission.limit()).isEqualTo(2);
  }

  @Test
  void liftingTheCapAdmitsQueuedRequests() {
    AdaptiveAdmission admission = new AdaptiveAdmission(1, 2, 10, 0.0, 0, 10, timer, clock::get);
    admission.engineFeedback(true, 0.5); // limit 1
    admission.acquire(PriorityClass.INTERACTIVE, Long.MAX_VALUE).join();
    CompletableFuture<AdmissionController.Permit> queued =
        admission.acquire(PriorityClass.INTERACTIVE, Long.MAX_VALUE);
    assertThat(queued).isNotDone();

    admission.engineFeedback(false, 0.5); // the cap rises to 2

    assertThat(queued).isCompleted();
    assertThat(admission.inFlight()).isEqualTo(2);
  }
}
