package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;

/**
 * One line the simulated training script printed.
 *
 * @param time when it was printed
 * @param podId the pod that printed it; empty when every pod of the job printed it
 * @param text the line, without time
 */
record LogLine(Instant time, String podId, String text) {
  /** Whether {@code pod} printed this line. */
  boolean printedBy(String pod) {
    return podId.isEmpty() || podId.equals(pod);
  }

  /** The line as {@code GetPodLogs} returns it: {@code [<ISO time>] <text>}. */
  String render() {
    return "[" + Emulation.millis(time) + "] " + text;
  }
}
