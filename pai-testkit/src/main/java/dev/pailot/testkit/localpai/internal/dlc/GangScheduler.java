package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Places queued jobs on the emulated cluster: all of a job's pods or none (gang scheduling), in
 * order of {@code Priority} (9 first) and then submission (FIFO). The queue is strict: a job that
 * does not fit blocks the jobs behind it, so a big job is not starved by small ones. A job bigger
 * than the whole cluster can never start; it stays {@code Queuing} without blocking others. Called
 * with the {@link JobStore} lock held.
 */
final class GangScheduler {
  private static final Comparator<DlcJob> ORDER =
      Comparator.comparingInt((DlcJob j) -> -j.definition.priority())
          .thenComparingLong(j -> j.sequence);

  private final DlcContext context;
  private final JobStore store;

  GangScheduler(DlcContext context, JobStore store) {
    this.context = context;
    this.store = store;
  }

  /**
   * Admits what fits now; returns whether any job was admitted. A job is dated when it became
   * eligible, or when capacity was last released if that was later.
   *
   * @param jobs the jobs that had not ended when the tick began
   * @param now the present
   * @param earlierRelease when jobs that ended before the tick last released capacity
   */
  boolean admit(List<DlcJob> jobs, Instant now, Instant earlierRelease) {
    Usage usage = new Usage(context.options());
    Instant released = earlierRelease;
    for (DlcJob j : jobs) {
      usage.add(j);
      if (j.status.terminal() && !j.pods.isEmpty() && j.finishedAt.isAfter(released)) {
        released = j.finishedAt;
      }
    }
    boolean admitted = false;
    DlcJob head = null;
    for (DlcJob job : jobs.stream().filter(GangScheduler::waiting).sorted(ORDER).toList()) {
      Instant eligible = context.after(job.statusSince, context.options().queuingMinutes());
      if (now.isBefore(eligible)) {
        continue;
      }
      if (!new Usage(context.options()).fits(job)) {
        notice(job, now, "Unschedulable", "the job needs more pods than the cluster has");
      } else if (head == null && usage.fits(job)) {
        place(job, eligible.isAfter(released) ? eligible : released);
        usage.add(job);
        admitted = true;
      } else if (head == null) {
        head = job;
        notice(job, now, "InsufficientResource", "waiting for free capacity");
      } else {
        notice(job, now, "InsufficientResource", "waiting behind job " + head.id);
      }
    }
    return admitted;
  }

  private static boolean waiting(DlcJob job) {
    return job.status == JobStatus.QUEUING && job.stopRequestedAt == null;
  }

  /** Tells why the job waits, once per distinct reason. */
  private static void notice(DlcJob job, Instant at, String reason, String why) {
    String message = "Job " + job.id + " is queuing: " + why + ".";
    if (!message.equals(job.queueNotice)) {
      job.queueNotice = message;
      job.event(at, "Warning", reason, message);
    }
  }

  /** Creates the job's pods ({@code Pending}) and moves it to {@code EnvPreparing}. */
  private void place(DlcJob job, Instant at) {
    for (RoleSpec role : job.definition.roles()) {
      for (int i = 0; i < role.podCount(); i++) {
        long n = store.nextPodOrdinal();
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        String podId = job.id + "-" + role.type().toLowerCase(Locale.ROOT) + "-" + i;
        String uid = UUID.nameUUIDFromBytes(podId.getBytes(StandardCharsets.UTF_8)).toString();
        job.pods.add(new Pod(podId, uid, role, ip, context.emulation().region() + "." + ip, at));
      }
      job.event(
          at,
          "Normal",
          "Pulling",
          "Pulling image \"" + role.image() + "\" for " + role.type() + ".");
    }
    job.event(
        at,
        "Normal",
        "JobScheduled",
        "All " + job.pods.size() + " pods of job " + job.id + " are scheduled.");
    job.enter(JobStatus.ENV_PREPARING, at, "", "");
  }

  /** Pods holding capacity, in all and per instance type. */
  private static final class Usage {
    private final LocalPaiDlcOptions options;
    private final Map<String, Integer> byType = new HashMap<>();
    private int total;

    Usage(LocalPaiDlcOptions options) {
      this.options = options;
    }

    void add(DlcJob job) {
      for (Pod p : job.pods) {
        if (p.status.equals(Pod.PENDING) || p.status.equals(Pod.RUNNING)) {
          total++;
          if (!p.ecsSpec.isEmpty()) {
            byType.merge(p.ecsSpec, 1, Integer::sum);
          }
        }
      }
    }

    boolean fits(DlcJob job) {
      if (options.podCapacity().isPresent()
          && total + job.definition.totalPods() > options.podCapacity().getAsInt()) {
        return false;
      }
      Map<String, Integer> need = new HashMap<>();
      job.definition.roles().stream()
          .filter(r -> !r.ecsSpec().isEmpty())
          .forEach(r -> need.merge(r.ecsSpec(), r.podCount(), Integer::sum));
      for (Map.Entry<String, Integer> e : need.entrySet()) {
        Integer cap = options.podCapacityPerInstanceType().get(e.getKey());
        if (cap != null && byType.getOrDefault(e.getKey(), 0) + e.getValue() > cap) {
          return false;
        }
      }
      return true;
    }
  }
}
