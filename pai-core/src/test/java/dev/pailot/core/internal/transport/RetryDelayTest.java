package dev.pailot.core.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ErrorDetails;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
  private static final RetrySettings NO_JITTER =
      RetrySettings.builder()
          .baseDelay(Duration.ofMillis(100))
          .maxDelay(Duration.ofSeconds(1))
          .jitter(0)
          .build();

  @Test
  void backoffDoublesUpToMaxDelay() {
    assertThat(RetryDelay.next(NO_JITTER, 1, transientFailure())).isEqualTo(ms(100));
    assertThat(RetryDelay.next(NO_JITTER, 2, transientFailure())).isEqualTo(ms(200));
    assertThat(RetryDelay.next(NO_JITTER, 4, transientFailure())).isEqualTo(ms(800));
    assertThat(RetryDelay.next(NO_JITTER, 5, transientFailure())).isEqualTo(ms(1000));
    assertThat(RetryDelay.next(NO_JITTER, 500, transientFailure())).isEqualTo(ms(1000));
  }

  @RepeatedTest(20)
  void jitterNeverCutsAThrottlingWaitBelowTheHint() {
    RetrySettings jittery = NO_JITTER.toBuilder().baseDelay(ms(1)).jitter(1.0).build();

    assertThat(RetryDelay.next(jittery, 1, throttled(ms(300)))).isGreaterThanOrEqualTo(ms(300));
  }

  @RepeatedTest(20)
  void jitterStaysWithinItsFractionAndTheCap() {
    RetrySettings jittery = NO_JITTER.toBuilder().jitter(0.25).build();

    assertThat(RetryDelay.next(jittery, 3, transientFailure())).isBetween(ms(300), ms(500));
  }

  @Test
  void theHintIsCappedAtMaxDelayAndALongerBackoffWins() {
    assertThat(RetryDelay.next(NO_JITTER, 1, throttled(Duration.ofMinutes(5)))).isEqualTo(ms(1000));
    assertThat(RetryDelay.next(NO_JITTER, 4, throttled(ms(10)))).isEqualTo(ms(800));
    assertThat(RetryDelay.next(NO_JITTER, 1, throttled(null))).isEqualTo(ms(100));
  }

  @Test
  void zeroBaseDelayStillHonoursTheHint() {
    RetrySettings zero = NO_JITTER.toBuilder().baseDelay(Duration.ZERO).build();

    assertThat(RetryDelay.next(zero, 3, transientFailure())).isZero();
    assertThat(RetryDelay.next(zero, 3, throttled(ms(40)))).isEqualTo(ms(40));
  }

  private static ThrottlingException throttled(Duration hint) {
    return new ThrottlingException("throttled", ErrorDetails.none(), hint);
  }

  private static ServiceUnavailableException transientFailure() {
    return new ServiceUnavailableException("down", ErrorDetails.none(), null);
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }
}
