package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code CreateJob} request. Immutable (the echo node is never modified after parsing).
 *
 * @param displayName job name
 * @param jobType e.g. {@code PyTorchJob}
 * @param workspaceId workspace, empty if none was given
 * @param resourceId resource group / quota, empty for public (pay-as-you-go) resources
 * @param priority 1 (lowest) to 9
 * @param userCommand the start command
 * @param envs environment variables, in request order
 * @param roles the job's roles
 * @param dataSources mounted storage
 * @param maxRunningMinutes {@code JobMaxRunningTimeMinutes}, 0 for no limit
 * @param tags {@code Settings.Tags}
 * @param echo the request fields that {@code GetJob} returns as sent (secrets masked)
 */
record JobDefinition(
    String displayName,
    String jobType,
    String workspaceId,
    String resourceId,
    int priority,
    String userCommand,
    Map<String, String> envs,
    List<RoleSpec> roles,
    List<DataSourceSpec> dataSources,
    long maxRunningMinutes,
    Map<String, String> tags,
    ObjectNode echo) {

  /** Pods of every role. */
  int totalPods() {
    return roles.stream().mapToInt(RoleSpec::podCount).sum();
  }

  /** Whether any role runs on spot instances. */
  boolean spot() {
    return roles.stream().anyMatch(RoleSpec::spot);
  }

  /**
   * The ListJobs {@code PaymentType}: {@code Spot}, {@code PrePaid} (quota) or {@code PostPaid}.
   */
  String paymentType() {
    if (spot()) {
      return "Spot";
    }
    return resourceId.isEmpty() ? "PostPaid" : "PrePaid";
  }

  /** {@code Accessibility}, {@code PRIVATE} unless the request said otherwise. */
  String accessibility() {
    return echo.path("Accessibility").asText("PRIVATE");
  }
}
