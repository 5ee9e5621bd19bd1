package dev.pailot.serving.load.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * Short human-readable durations for report cells: {@code 850 µs}, {@code 12.3 ms}, {@code 4.56 s}.
 */
final class Durations {
  private Durations() {}

  static String text(Duration d) {
    double nanos = d.toNanos();
    if (nanos < 1e6) {
      return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }
    if (nanos < 1e9) {
      return String.format(Locale.ROOT, nanos < 1e8 ? "%.1f ms" : "%.0f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
