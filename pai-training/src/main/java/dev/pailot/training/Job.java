package dev.pailot.training;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DLC job as PAI reports it (GetJob, or an item of ListJobs; PAI_API.md §2.6). Immutable and
 * thread-safe; a snapshot, so poll {@link DlcClient#getJob(String)} or a waiter for news.
 */
@Value.Immutable
@PailotStyle
public abstract class Job {
  /**
   * The job id, e.g. {@code dlc1a2b3c4d5e6f}.
   *
   * @return job id
   */
  public abstract String id();

  /**
   * The display name; empty when PAI sent none.
   *
   * @return display name
   */
  @Value.Default
  public String displayName() {
    return "";
  }

  /**
   * The framework; empty when PAI sent a type this SDK does not know.
   *
   * @return job type
   */
  public abstract Optional<JobType> jobType();

  /**
   * The workspace id.
   *
   * @return workspace id
   */
  public abstract Optional<String> workspaceId();

  /**
   * The workspace name.
   *
   * @return workspace name
   */
  public abstract Optional<String> workspaceName();

  /**
   * The submitter's user id.
   *
   * @return user id
   */
  public abstract Optional<String> userId();

  /**
   * The state; {@link JobStatus#UNKNOWN} for text this SDK does not know (see {@link
   * #statusText()}).
   *
   * @return status
   */
  public abstract JobStatus status();

  /**
   * PAI's status text as sent, kept even when {@link #status()} is {@link JobStatus#UNKNOWN}.
   *
   * @return status text
   */
  @Value.Default
  public String statusText() {
    return status().wireValue();
  }

  /**
   * The sub-status, e.g. {@code Restarting} after preemption.
   *
   * @return sub-status
   */
  public abstract Optional<String> subStatus();

  /**
   * Why the job is in its state, as a code, e.g. {@code JobStoppedByUser}.
   *
   * @return reason code
   */
  public abstract Optional<String> reasonCode();

  /**
   * Why the job is in its state, in words.
   *
   * @return reason message
   */
  public abstract Optional<String> reasonMessage();

  /**
   * The states the job went through, oldest first.
   *
   * @return status history
   */
  public abstract List<StatusTransition> statusHistory();

  /**
   * The pods (GetJob; list items may omit them).
   *
   * @return pods
   */
  public abstract List<Pod> pods();

  /**
   * Scheduling progress per role.
   *
   * @return replica statuses
   */
  public abstract List<ReplicaStatus> replicaStatuses();

  /**
   * The roles as submitted: images, pod counts, instance types, spot.
   *
   * @return roles
   */
  public abstract List<JobRole> roles();

  /**
   * The command every pod runs.
   *
   * @return user command
   */
  public abstract Optional<String> userCommand();

  /**
   * The environment variables the job was created with.
   *
   * @return environment variables
   */
  public abstract Map<String, String> envs();

  /**
   * The resource group or quota; empty on public resources.
   *
   * @return resource id
   */
  public abstract Optional<String> resourceId();

  /**
   * The resource type: {@code ECS}, {@code Lingjun} or {@code ACS}.
   *
   * @return resource type
   */
  public abstract Optional<String> resourceType();

  /**
   * The priority, 1 to 9.
   *
   * @return priority
   */
  public abstract Optional<Integer> priority();

  /**
   * AIMaster restarts as {@code used/max}, e.g. {@code 0/10} ({@code RestartTimes}).
   *
   * @return restart count
   */
  public abstract Optional<String> restartTimes();

  /**
   * When the job was created.
   *
   * @return creation time
   */
  public abstract Optional<Instant> createdAt();

  /**
   * When the job was submitted to the cluster.
   *
   * @return submission time
   */
  public abstract Optional<Instant> submittedAt();

  /**
   * When the job started running.
   *
   * @return start time
   */
  public abstract Optional<Instant> runningAt();

  /**
   * When the job finished (succeeded, failed or stopped).
   *
   * @return finish time
   */
  public abstract Optional<Instant> finishedAt();

  /**
   * How long the job ran, as PAI reports it ({@code Duration}, seconds).
   *
   * @return duration
   */
  public abstract Optional<Duration> duration();

  /**
   * A pod by id.
   *
   * @param podId pod id
   * @return the pod, if the job has it
   */
  public Optional<Pod> pod(String podId) {
    return pods().stream().filter(p -> p.id().equals(podId)).findFirst();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builder for {@link Job}. Not thread-safe. */
  public static final class Builder extends ImmutableJob.Builder {
    Builder() {}
  }
}
