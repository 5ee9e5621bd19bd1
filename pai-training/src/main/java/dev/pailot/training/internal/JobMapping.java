package dev.pailot.training.internal;

import dev.pailot.core.error.ValidationException;
import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import dev.pailot.training.JobRole;
import dev.pailot.training.JobStatus;
import dev.pailot.training.JobType;
import dev.pailot.training.Pod;
import dev.pailot.training.PodStatus;
import dev.pailot.training.ReplicaStatus;
import dev.pailot.training.StatusTransition;
import dev.pailot.training.internal.wire.JobItem;
import dev.pailot.training.internal.wire.JobSpecItem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns DLC's wire DTOs into Pailot's domain values. Lenient: what PAI reports is taken as it is,
 * unknown states become {@code UNKNOWN} with the text kept. Stateless.
 */
final class JobMapping {
  private JobMapping() {}

  static Job job(JobItem j) {
    return Job.builder()
        .id(orEmpty(j.jobId()))
        .displayName(orEmpty(j.displayName()))
        .jobType(jobType(j.jobType()))
        .workspaceId(Optional.ofNullable(j.workspaceId()))
        .workspaceName(Optional.ofNullable(j.workspaceName()))
        .userId(Optional.ofNullable(j.userId()))
        .status(JobStatus.fromWire(j.status()))
        .statusText(orEmpty(j.status()))
        .subStatus(nonBlank(j.subStatus()))
        .reasonCode(nonBlank(j.reasonCode()))
        .reasonMessage(nonBlank(j.reasonMessage()))
        .statusHistory(list(j.statusHistory()).stream().map(JobMapping::transition).toList())
        .pods(list(j.pods()).stream().map(JobMapping::pod).toList())
        .replicaStatuses(list(j.jobReplicaStatuses()).stream().map(JobMapping::replica).toList())
        .roles(list(j.jobSpecs()).stream().map(JobMapping::role).toList())
        .userCommand(Optional.ofNullable(j.userCommand()))
        .envs(envs(j.envs()))
        .resourceId(nonBlank(j.resourceId()))
        .resourceType(nonBlank(j.resourceType()))
        .priority(Optional.ofNullable(j.priority()))
        .restartTimes(nonBlank(j.restartTimes()))
        .createdAt(WireTimes.parse(j.gmtCreateTime()))
        .submittedAt(WireTimes.parse(j.gmtSubmittedTime()))
        .runningAt(WireTimes.parse(j.gmtRunningTime()))
        .finishedAt(WireTimes.parse(j.gmtFinishTime()))
        .duration(Optional.ofNullable(j.duration()).map(Duration::ofSeconds))
        .build();
  }

  static Pod pod(JobItem.PodItem p) {
    return Pod.builder()
        .id(orEmpty(p.podId()))
        .uid(nonBlank(p.podUid()))
        .role(orEmpty(p.type()))
        .status(PodStatus.fromWire(p.status()))
        .statusText(orEmpty(p.status()))
        .subStatus(nonBlank(p.subStatus()))
        .ip(nonBlank(p.ip()))
        .nodeName(nonBlank(p.nodeName()))
        .createdAt(WireTimes.parse(p.gmtCreateTime()))
        .startedAt(WireTimes.parse(p.gmtStartTime()))
        .finishedAt(WireTimes.parse(p.gmtFinishTime()))
        .history(list(p.historyPods()).stream().map(JobMapping::pod).toList())
        .build();
  }

  static JobEvent event(String text) {
    String t = text == null ? "" : text;
    int space = t.indexOf(' ');
    return JobEvent.builder()
        .text(t)
        .time(WireTimes.parse(space > 0 ? t.substring(0, space) : t))
        .build();
  }

  private static StatusTransition transition(JobItem.StatusHistoryItem s) {
    return StatusTransition.builder()
        .status(JobStatus.fromWire(s.status()))
        .statusText(orEmpty(s.status()))
        .startedAt(WireTimes.parse(s.startTime()))
        .endedAt(WireTimes.parse(s.endTime()))
        .reasonCode(nonBlank(s.reasonCode()))
        .reasonMessage(nonBlank(s.reasonMessage()))
        .build();
  }

  private static ReplicaStatus replica(JobItem.ReplicaStatusItem r) {
    return ReplicaStatus.builder()
        .role(orEmpty(r.type()))
        .active(orZero(r.active()))
        .queuing(orZero(r.queuing()))
        .dequeued(orZero(r.dequeued()))
        .estimatedPodCount(Optional.ofNullable(r.estimatedPodCount()))
        .currentSpotInstanceType(nonBlank(r.currentSpotInstanceType()))
        .build();
  }

  private static JobRole role(JobSpecItem s) {
    return JobRole.builder()
        .role(orEmpty(s.type()))
        .image(nonBlank(s.image()))
        .podCount(s.podCount() == null ? 0 : s.podCount().intValue())
        .ecsSpec(nonBlank(s.ecsSpec()))
        .gpu(Optional.ofNullable(s.resourceConfig()).flatMap(c -> nonBlank(c.gpu())))
        .spot(s.spotSpec() != null)
        .build();
  }

  private static Optional<JobType> jobType(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JobType.parse(text));
    } catch (ValidationException e) {
      return Optional.empty(); // a type newer than this SDK: reported as absent, not as a failure
    }
  }

  /** Nulls inside PAI's lists or maps would break immutable collections; they carry nothing. */
  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
  }

  private static Map<String, String> envs(Map<String, String> envs) {
    Map<String, String> clean = new LinkedHashMap<>();
    if (envs != null) {
      envs.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              clean.put(k, v);
            }
          });
    }
    return clean;
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
