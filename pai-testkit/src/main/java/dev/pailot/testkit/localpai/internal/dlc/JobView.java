package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import java.time.Instant;

/**
 * A job as {@code GetJob} and {@code ListJobs} return it (PAI_API.md §2.5–2.7): identity, status
 * with {@code ReasonCode}/{@code ReasonMessage}, the {@code Gmt*} timeline in ISO-8601 UTC, the
 * request echoed, {@code JobReplicaStatuses}, and with details the {@code Pods} and {@code
 * StatusHistory}. Times not reached yet are omitted. {@code Duration} fields count emulated
 * seconds. Called with the {@link JobStore} lock held.
 */
final class JobView {
  private final DlcContext context;

  JobView(DlcContext context) {
    this.context = context;
  }

  /** The {@code GetJob} body; {@code detail} adds pods and status history. */
  ObjectNode job(DlcJob job, boolean detail) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    JobDefinition d = job.definition;
    n.put("JobId", job.id)
        .put("DisplayName", d.displayName())
        .put("JobType", d.jobType())
        .put("WorkspaceId", d.workspaceId())
        .put("UserId", context.emulation().accountId())
        .put("ResourceId", d.resourceId())
        .put("ResourceType", "ECS")
        .put("Priority", d.priority())
        .put("Accessibility", d.accessibility())
        .put("UserCommand", d.userCommand())
        .put("Status", job.status.wire())
        .put("ReasonCode", job.reasonCode)
        .put("ReasonMessage", job.reasonMessage)
        .put("EnabledDebugger", false);
    n.setAll(d.echo().deepCopy());
    if (d.maxRunningMinutes() > 0) {
      n.put("JobMaxRunningTimeMinutes", d.maxRunningMinutes());
    }
    timeline(n, job);
    n.set("JobReplicaStatuses", replicaStatuses(job));
    if (detail) {
      n.set("Pods", pods(job));
      n.set("StatusHistory", history(job));
    }
    return n;
  }

  /** A {@code ListJobs} item: the job plus list-only fields. */
  ObjectNode item(DlcJob job) {
    ObjectNode n = job(job, true);
    n.put("EnablePreemptibleJob", job.definition.spot())
        .put("NodeCount", Integer.toString(job.pods.size()))
        .put("GmtModifiedTime", Emulation.seconds(job.statusSince))
        .put("Username", context.emulation().accountId())
        .put("IsDeleted", false);
    ArrayNode nodes = n.putArray("NodeNames");
    job.pods.forEach(p -> nodes.add(p.nodeName));
    return n;
  }

  private void timeline(ObjectNode n, DlcJob job) {
    n.put("GmtCreateTime", Emulation.seconds(job.createdAt));
    time(n, "GmtSubmittedTime", job.submittedAt);
    time(n, "GmtRunningTime", job.runningAt);
    time(n, "GmtFinishTime", job.finishedAt);
    switch (job.status) {
      case SUCCEEDED -> time(n, "GmtSuccessedTime", job.finishedAt);
      case FAILED -> time(n, "GmtFailedTime", job.finishedAt);
      case STOPPED -> time(n, "GmtStoppedTime", job.finishedAt);
      default -> {
        // not finished
      }
    }
    n.put("Duration", job.runningAt == null ? 0 : seconds(job.runningAt, job.finishedAt));
  }

  private ArrayNode replicaStatuses(DlcJob job) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    boolean queued = job.status == JobStatus.CREATING || job.status == JobStatus.QUEUING;
    for (RoleSpec role : job.definition.roles()) {
      long placed = job.pods.stream().filter(p -> p.type.equals(role.type())).count();
      long active =
          job.pods.stream()
              .filter(p -> p.type.equals(role.type()) && p.status.equals(Pod.RUNNING))
              .count();
      ObjectNode r =
          out.addObject()
              .put("Type", role.type())
              .put("Active", active)
              .put("Queuing", queued ? role.podCount() : 0)
              .put("Dequeued", placed)
              .put("EstimatedPodCount", role.podCount());
      if (role.spot()) {
        r.put("CurrentSpotInstanceType", role.ecsSpec());
      }
    }
    return out;
  }

  private ArrayNode pods(DlcJob job) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Pod p : job.pods) {
      ObjectNode n =
          out.addObject()
              .put("PodId", p.podId)
              .put("PodUid", p.podUid)
              .put("Type", p.type)
              .put("Status", p.status)
              .put("SubStatus", p.subStatus)
              .put("Ip", p.ip)
              .put("NodeName", p.nodeName)
              .put("GmtCreateTime", Emulation.seconds(p.createdAt));
      time(n, "GmtStartTime", p.startedAt);
      time(n, "GmtFinishTime", p.finishedAt);
      n.put("Duration", p.startedAt == null ? 0 : seconds(p.startedAt, p.finishedAt));
      n.putArray("HistoryPods");
    }
    return out;
  }

  private static ArrayNode history(DlcJob job) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (StatusTransition t : job.history) {
      ObjectNode n = out.addObject().put("Status", t.status());
      n.put("StartTime", Emulation.seconds(t.start()));
      time(n, "EndTime", t.end());
      n.put("ReasonCode", t.reasonCode()).put("ReasonMessage", t.reasonMessage());
    }
    return out;
  }

  private long seconds(Instant from, Instant to) {
    return context.emulatedSeconds(from, to == null ? context.now() : to);
  }

  private static void time(ObjectNode n, String field, Instant t) {
    if (t != null) {
      n.put(field, Emulation.seconds(t));
    }
  }
}
