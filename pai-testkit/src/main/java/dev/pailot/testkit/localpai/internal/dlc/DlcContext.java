package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.time.Duration;
import java.time.Instant;

/**
 * What every part of the DLC emulation shares: the emulator's clock and region, the DLC options,
 * the length of an emulated minute, and the local storage behind {@code oss://} URIs. Immutable.
 *
 * @param emulation clock, region, account, ids
 * @param options DLC options
 * @param minute real time per emulated minute
 * @param storage where {@code oss://} URIs live locally
 */
record DlcContext(
    Emulation emulation, LocalPaiDlcOptions options, Duration minute, OssPaths storage) {

  /** Now. */
  Instant now() {
    return emulation.now();
  }

  /** {@code minutes} emulated minutes after {@code start}. */
  Instant after(Instant start, double minutes) {
    return emulation.after(start, minutes);
  }

  /**
   * Emulated seconds between two instants: DLC's {@code Duration} fields count emulated time, so
   * that a job that trained for 30 emulated minutes reports 1800 whatever the time scale.
   */
  long emulatedSeconds(Instant from, Instant to) {
    double realNanos = Duration.between(from, to).toNanos();
    return Math.max(0, Math.round(realNanos / minute.toNanos() * 60));
  }
}
