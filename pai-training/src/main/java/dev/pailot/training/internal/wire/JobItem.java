package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * GetJob's body and ListJobs' {@code Jobs[]} item (PAI_API.md §2.6), the fields Pailot reads.
 *
 * @param jobId job id
 * @param displayName display name
 * @param jobType job type
 * @param workspaceId workspace id
 * @param workspaceName workspace name
 * @param userId submitter
 * @param status status text
 * @param subStatus sub-status
 * @param reasonCode reason code
 * @param reasonMessage reason message
 * @param statusHistory status history
 * @param pods pods
 * @param jobReplicaStatuses per-role scheduling progress
 * @param jobSpecs roles as submitted
 * @param userCommand command
 * @param envs environment variables
 * @param resourceId resource group
 * @param resourceType ECS, Lingjun or ACS
 * @param priority priority
 * @param restartTimes {@code used/max}
 * @param gmtCreateTime creation time
 * @param gmtSubmittedTime submission time
 * @param gmtRunningTime running since
 * @param gmtFinishTime finish time
 * @param duration run time in seconds
 * @param requestId request id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobItem(
    @JsonProperty("JobId") String jobId,
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("JobType") String jobType,
    @JsonProperty("WorkspaceId") String workspaceId,
    @JsonProperty("WorkspaceName") String workspaceName,
    @JsonProperty("UserId") String userId,
    @JsonProperty("Status") String status,
    @JsonProperty("SubStatus") String subStatus,
    @JsonProperty("ReasonCode") String reasonCode,
    @JsonProperty("ReasonMessage") String reasonMessage,
    @JsonProperty("StatusHistory") List<StatusHistoryItem> statusHistory,
    @JsonProperty("Pods") List<PodItem> pods,
    @JsonProperty("JobReplicaStatuses") List<ReplicaStatusItem> jobReplicaStatuses,
    @JsonProperty("JobSpecs") List<JobSpecItem> jobSpecs,
    @JsonProperty("UserCommand") String userCommand,
    @JsonProperty("Envs") Map<String, String> envs,
    @JsonProperty("ResourceId") String resourceId,
    @JsonProperty("ResourceType") String resourceType,
    @JsonProperty("Priority") Integer priority,
    @JsonProperty("RestartTimes") String restartTimes,
    @JsonProperty("GmtCreateTime") String gmtCreateTime,
    @JsonProperty("GmtSubmittedTime") String gmtSubmittedTime,
    @JsonProperty("GmtRunningTime") String gmtRunningTime,
    @JsonProperty("GmtFinishTime") String gmtFinishTime,
    @JsonProperty("Duration") Long duration,
    @JsonProperty("RequestId") String requestId) {

  /**
   * {@code StatusHistory[]} entry.
   *
   * @param status status text
   * @param startTime start
   * @param endTime end
   * @param reasonCode reason code
   * @param reasonMessage reason message
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StatusHistoryItem(
      @JsonProperty("Status") String status,
      @JsonProperty("StartTime") String startTime,
      @JsonProperty("EndTime") String endTime,
      @JsonProperty("ReasonCode") String reasonCode,
      @JsonProperty("ReasonMessage") String reasonMessage) {}

  /**
   * {@code Pods[]} entry (also {@code HistoryPods[]}).
   *
   * @param podId pod id
   * @param podUid pod UID
   * @param type role
   * @param status status text
   * @param subStatus sub-status
   * @param ip IP
   * @param nodeName node
   * @param gmtCreateTime creation time
   * @param gmtStartTime start time
   * @param gmtFinishTime finish time
   * @param historyPods earlier incarnations
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PodItem(
      @JsonProperty("PodId") String podId,
      @JsonProperty("PodUid") String podUid,
      @JsonProperty("Type") String type,
      @JsonProperty("Status") String status,
      @JsonProperty("SubStatus") String subStatus,
      @JsonProperty("Ip") String ip,
      @JsonProperty("NodeName") String nodeName,
      @JsonProperty("GmtCreateTime") String gmtCreateTime,
      @JsonProperty("GmtStartTime") String gmtStartTime,
      @JsonProperty("GmtFinishTime") String gmtFinishTime,
      @JsonProperty("HistoryPods") List<PodItem> historyPods) {}

  /**
   * {@code JobReplicaStatuses[]} entry.
   *
   * @param type role
   * @param active running pods
   * @param queuing queuing pods
   * @param dequeued dequeued pods
   * @param estimatedPodCount expected pods
   * @param currentSpotInstanceType spot instance type in use
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ReplicaStatusItem(
      @JsonProperty("Type") String type,
      @JsonProperty("Active") Integer active,
      @JsonProperty("Queuing") Integer queuing,
      @JsonProperty("Dequeued") Integer dequeued,
      @JsonProperty("EstimatedPodCount") Integer estimatedPodCount,
      @JsonProperty("CurrentSpotInstanceType") String currentSpotInstanceType) {}
}
