package dev.pailot.testkit.localpai.internal.dlc;

import java.time.Duration;
import java.time.Instant;

/**
 * When training steps happen: step {@code s} of a script that started at {@code clockStart} after
 * step {@code resumeStep} completes {@code (s - resumeStep) / stepsPerMinute} emulated minutes
 * later. Lets the simulator jump straight to the next step that matters instead of walking every
 * step. Immutable.
 */
final class StepClock {
  /** Beyond any job's step count; what "every step is due" saturates to. */
  static final long MAX_STEP = Long.MAX_VALUE / 4;

  private final DlcContext context;

  StepClock(DlcContext context) {
    this.context = context;
  }

  /** When {@code step} completes. */
  Instant time(TrainingState t, long step) {
    return context.after(t.clockStart, (step - t.resumeStep) / t.stepsPerMinute);
  }

  /** The last step completed by {@code at}; {@code resumeStep} if none. */
  long lastDue(TrainingState t, Instant at) {
    if (at.isBefore(t.clockStart)) {
      return t.resumeStep;
    }
    Duration elapsed = Duration.between(t.clockStart, at);
    // In doubles: a far horizon (a huge time limit) must saturate, not overflow.
    double nanos = elapsed.getSeconds() * 1e9 + elapsed.getNano();
    double estimate = Math.floor(nanos / context.minute().toNanos() * t.stepsPerMinute);
    if (estimate >= MAX_STEP - t.resumeStep) {
      return MAX_STEP;
    }
    long s = t.resumeStep + (long) estimate;
    // The estimate can be a step off after rounding; settle it against time() itself.
    for (int i = 0; i < 2 && s > t.resumeStep && time(t, s).isAfter(at); i++) {
      s--;
    }
    for (int i = 0; i < 2 && !time(t, s + 1).isAfter(at); i++) {
      s++;
    }
    return s;
  }
}
