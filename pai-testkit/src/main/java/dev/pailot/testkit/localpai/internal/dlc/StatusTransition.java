package dev.pailot.testkit.localpai.internal.dlc;

import java.time.Instant;

/**
 * One entry of a job's {@code StatusHistory}.
 *
 * @param status wire status, e.g. {@code Queuing}
 * @param start when the job entered it
 * @param end when it left; {@code null} while current
 * @param reasonCode why, e.g. {@code JobStoppedByUser}; empty if nothing to say
 * @param reasonMessage the reason in words; empty if nothing to say
 */
record StatusTransition(
    String status, Instant start, Instant end, String reasonCode, String reasonMessage) {

  /** This entry, ended at {@code at}. */
  StatusTransition endedAt(Instant at) {
    return new StatusTransition(status, start, at, reasonCode, reasonMessage);
  }
}
