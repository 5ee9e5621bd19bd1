package dev.pailot.training.spot.internal;

import dev.pailot.training.Job;
import dev.pailot.training.JobStatus;
import dev.pailot.training.Pod;
import dev.pailot.training.PodStatus;
import dev.pailot.training.RoleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gang-start guard of one attempt: its clock starts when the attempt leaves the queue (status
 * past {@code Queuing}, or a pod running), and it trips when not every expected pod is {@code
 * Running} within the timeout. Once all pods have run together it is satisfied for good. Used from
 * the run's thread only.
 */
final class GangGuard {
  private static final Set<JobStatus> QUEUED =
      EnumSet.of(JobStatus.CREATING, JobStatus.QUEUING, JobStatus.BIDDING);

  private final Duration timeout;
  private final int expectedPods;
  private Instant clockStart;
  private boolean satisfied;

  GangGuard(Duration timeout, List<RoleSpec> roles) {
    this.timeout = timeout;
    this.expectedPods = roles.stream().mapToInt(RoleSpec::podCount).sum();
  }

  /**
   * Checks one observation.
   *
   * @param job the attempt's job, not terminal
   * @param now the run's clock
   * @return a description of the pods not running, if the guard trips
   */
  Optional<String> check(Job job, Instant now) {
    if (satisfied || timeout == null) {
      return Optional.empty();
    }
    long running = job.pods().stream().filter(p -> p.status() == PodStatus.RUNNING).count();
    if (running >= expectedPods) {
      satisfied = true;
      return Optional.empty();
    }
    if (clockStart == null && (!QUEUED.contains(job.status()) || running > 0)) {
      clockStart = now;
    }
    if (clockStart == null || Duration.between(clockStart, now).compareTo(timeout) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        running
            + " of "
            + expectedPods
            + " pods running after "
            + timeout
            + "; not running: "
            + notRunning(job));
  }

  private static String notRunning(Job job) {
    String pods =
        job.pods().stream()
            .filter(p -> p.status() != PodStatus.RUNNING)
            .map(GangGuard::describe)
            .collect(Collectors.joining(", "));
    return pods.isEmpty() ? "pods not yet created" : pods;
  }

  private static String describe(Pod p) {
    return p.id() + " (" + (p.statusText().isEmpty() ? "no status" : p.statusText()) + ")";
  }
}
