package dev.pailot.testkit.localpai.internal.dlc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The step clock agrees with itself: the last step due at a step's own time is that step. */
class StepClockTest {
  private static StepClock clock(Duration minute) {
    Emulation emulation = new Emulation("cn-shanghai", "1", Clock.systemUTC(), minute);
    return new StepClock(
        new DlcContext(
            emulation, LocalPaiDlcOptions.defaults(), minute, new OssPaths(Path.of("."))));
  }

  private static TrainingState training(long resume, double stepsPerMinute) {
    TrainingState t = new TrainingState();
    t.clockStart = Instant.parse("2026-01-01T00:00:00Z");
    t.resumeStep = resume;
    t.stepsPerMinute = stepsPerMinute;
    return t;
  }

  @Test
  void lastDueInvertsTime() {
    for (Duration minute : new Duration[] {Duration.ofMillis(7), Duration.ofMillis(100)}) {
      StepClock clock = clock(minute);
      for (double speed : new double[] {1, 3, 20, 33.3, 1_000_000}) {
        TrainingState t = training(40, speed);
        for (long step = 40; step < 400; step += 7) {
          Instant at = clock.time(t, step);
          assertThat(clock.lastDue(t, at)).as("speed %s step %s", speed, step).isEqualTo(step);
          assertThat(clock.lastDue(t, at.minusNanos(1))).isLessThanOrEqualTo(step);
        }
      }
    }
  }

  @Test
  void nothingIsDueBeforeTheStart() {
    StepClock clock = clock(Duration.ofMillis(10));
    TrainingState t = training(30, 20);
    assertThat(clock.lastDue(t, t.clockStart.minusSeconds(1))).isEqualTo(30);
    assertThat(clock.lastDue(t, t.clockStart)).isEqualTo(30);
    assertThat(clock.lastDue(t, Instant.MAX)).isGreaterThan(1_000_000_000L);
  }
}
