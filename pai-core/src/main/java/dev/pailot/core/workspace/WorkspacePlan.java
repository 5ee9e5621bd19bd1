package dev.pailot.core.workspace;

import java.util.List;
import java.util.Optional;

/**
 * What {@link WorkspaceClient#ensure(WorkspaceSpec)} would do, computed by {@link
 * WorkspaceClient#plan(WorkspaceSpec)} with read-only calls: one {@link PlanStep} for the workspace
 * followed by one per dataset, in spec order. Immutable and thread-safe.
 *
 * @param workspaceName the spec's workspace name
 * @param workspaceId the existing workspace's id; empty if it would be created
 * @param steps the steps
 */
public record WorkspacePlan(
    String workspaceName, Optional<String> workspaceId, List<PlanStep> steps) {

  /**
   * Creates a plan, copying the step list.
   *
   * @param workspaceName name
   * @param workspaceId existing id
   * @param steps steps
   */
  public WorkspacePlan {
    steps = List.copyOf(steps);
  }

  /**
   * Whether ensure would create anything.
   *
   * @return {@code true} if any step is {@link PlanAction#CREATE}
   */
  public boolean hasChanges() {
    return steps.stream().anyMatch(s -> s.action() == PlanAction.CREATE);
  }

  /**
   * Every difference found, across steps.
   *
   * @return drift, empty when everything that exists matches
   */
  public List<Drift> drift() {
    return steps.stream().flatMap(s -> s.drift().stream()).toList();
  }

  /**
   * Whether ensure would fail: some existing dataset differs from its spec.
   *
   * @return {@code true} if a dataset step is {@link PlanAction#DRIFT}
   */
  public boolean blocked() {
    return steps.stream()
        .anyMatch(s -> s.action() == PlanAction.DRIFT && s.resource().startsWith("dataset/"));
  }
}
