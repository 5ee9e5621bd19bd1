package dev.pailot.testkit.localpai.internal.dlc;

import java.time.Instant;

/**
 * One pod (node) of a job. Mutable; guarded by the {@link JobStore} lock like its job.
 *
 * <p>Pod {@code Status}: {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed},
 * {@code Unknown}; {@code SubStatus}: {@code Normal} or {@code Evicted} (PAI_API.md §2.7).
 */
final class Pod {
  static final String PENDING = "Pending";
  static final String RUNNING = "Running";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";

  String podId;
  String podUid;
  String type;
  String ecsSpec;
  String ip;
  String nodeName;
  String status = PENDING;
  String subStatus = "Normal";
  Instant createdAt;
  Instant startedAt;
  Instant finishedAt;

  /** For the snapshot reader. */
  Pod() {}

  Pod(String podId, String podUid, RoleSpec role, String ip, String nodeName, Instant createdAt) {
    this.podId = podId;
    this.podUid = podUid;
    this.type = role.type();
    this.ecsSpec = role.ecsSpec();
    this.ip = ip;
    this.nodeName = nodeName;
    this.createdAt = createdAt;
  }

  /** Moves to Running at {@code at}. */
  void start(Instant at) {
    status = RUNNING;
    startedAt = at;
  }

  /** Ends the pod with a final status, unless it has ended already. */
  void finish(String finalStatus, String finalSubStatus, Instant at) {
    if (status.equals(SUCCEEDED) || status.equals(FAILED)) {
      return;
    }
    status = finalStatus;
    subStatus = finalSubStatus;
    finishedAt = at;
  }
}
