package dev.pailot.testkit.localpai.internal.dlc;

import java.util.Optional;

/** DLC job {@code Status} values (PAI_API.md §2.7), with their wire names. */
enum JobStatus {
  CREATING("Creating"),
  QUEUING("Queuing"),
  BIDDING("Bidding"),
  ENV_PREPARING("EnvPreparing"),
  SANITY_CHECKING("SanityChecking"),
  RUNNING("Running"),
  RESTARTING("Restarting"),
  STOPPING("Stopping"),
  SUCCEEDED_RESERVING("SucceededReserving"),
  FAILED_RESERVING("FailedReserving"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  STOPPED("Stopped");

  private final String wire;

  JobStatus(String wire) {
    this.wire = wire;
  }

  /** The name on the wire, e.g. {@code EnvPreparing}. */
  String wire() {
    return wire;
  }

  /** Whether the job has ended ({@code Succeeded}, {@code Failed}, {@code Stopped}). */
  boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == STOPPED;
  }

  /** The status with this wire name (case-sensitive, as DLC's enums are). */
  static Optional<JobStatus> fromWire(String wire) {
    for (JobStatus s : values()) {
      if (s.wire.equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
