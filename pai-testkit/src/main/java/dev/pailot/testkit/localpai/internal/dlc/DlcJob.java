package dev.pailot.testkit.localpai.internal.dlc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One emulated DLC job: its definition, where it is in its lifecycle, its pods, events, logs and
 * training progress. Mutable; every access holds the {@link JobStore} lock. The simulator is the
 * only writer of lifecycle progress; handlers only create, request a stop, and delete.
 */
final class DlcJob {
  /** Log lines kept per job; older lines are dropped first (a tail is what logs are read for). */
  static final int MAX_LOG_LINES = 20_000;

  String id;
  long sequence;
  JobDefinition definition;
  Instant createdAt;
  JobStatus status = JobStatus.CREATING;
  Instant statusSince;
  String reasonCode = "";
  String reasonMessage = "";
  List<StatusTransition> history = new ArrayList<>();
  List<Pod> pods = new ArrayList<>();
  Instant submittedAt;
  Instant runningAt;
  Instant finishedAt;
  Instant stopRequestedAt;
  boolean podNeverStarts;
  boolean podsLaunched;
  String queueNotice;
  List<JobEvent> events = new ArrayList<>();
  List<LogLine> logs = new ArrayList<>();
  TrainingState training = new TrainingState();

  /** For the snapshot reader. */
  DlcJob() {}

  DlcJob(String id, long sequence, JobDefinition definition, Instant createdAt) {
    this.id = id;
    this.sequence = sequence;
    this.definition = definition;
    this.createdAt = createdAt;
    this.statusSince = createdAt;
    history.add(new StatusTransition(JobStatus.CREATING.wire(), createdAt, null, "", ""));
  }

  /** Enters a status at {@code at}, closing the current {@code StatusHistory} entry. */
  void enter(JobStatus next, Instant at, String code, String message) {
    int last = history.size() - 1;
    history.set(last, history.get(last).endedAt(at));
    history.add(new StatusTransition(next.wire(), at, null, code, message));
    status = next;
    statusSince = at;
    reasonCode = code;
    reasonMessage = message;
  }

  /** Records an event. */
  void event(Instant at, String type, String reason, String message) {
    events.add(new JobEvent(at, type, reason, message));
  }

  /** Records a line printed by one pod, or by every pod when {@code podId} is empty. */
  void log(Instant at, String podId, String text) {
    if (logs.size() >= MAX_LOG_LINES) {
      logs.remove(0);
    }
    logs.add(new LogLine(at, podId, text));
  }

  /** The pod that writes checkpoints and prints their lines (rank 0). */
  String rankZeroPod() {
    return pods.isEmpty() ? "" : pods.get(0).podId;
  }
}
