package dev.pailot.core.workspace.internal;

import dev.pailot.core.workspace.Drift;
import dev.pailot.core.workspace.PlanAction;
import dev.pailot.core.workspace.PlanStep;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspacePlan;
import dev.pailot.core.workspace.WorkspaceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes what {@link WorkspaceReconciler#ensure} would do, with read calls only: list by name,
 * get the workspace, list each dataset by name. Thread-safe.
 */
public final class WorkspacePlanner {
  private final AiWorkspaceApi api;

  /**
   * Creates the planner.
   *
   * @param api the typed API
   */
  public WorkspacePlanner(AiWorkspaceApi api) {
    this.api = api;
  }

  /**
   * Plans a spec.
   *
   * @param spec the spec
   * @return the workspace's step followed by one step per dataset, in spec order
   */
  public WorkspacePlan plan(WorkspaceSpec spec) {
    List<PlanStep> steps = new ArrayList<>();
    Optional<Workspace> existing = api.findWorkspace(spec.name());
    if (existing.isEmpty()) {
      steps.add(create("workspace/" + spec.name()));
      spec.datasets().forEach(d -> steps.add(create("dataset/" + d.name())));
      return new WorkspacePlan(spec.name(), Optional.empty(), steps);
    }
    // The list item may omit attributes (e.g. EnvTypes); GetWorkspace has them all.
    Workspace ws = api.getWorkspace(existing.get().id());
    steps.add(compared("workspace/" + spec.name(), ws.id(), DriftCheck.workspace(spec, ws)));
    api.findDatasets(ws.id(), spec.datasets())
        .forEach(
            (d, found) ->
                steps.add(
                    found
                        .map(f -> compared("dataset/" + d.name(), f.id(), DriftCheck.dataset(d, f)))
                        .orElseGet(() -> create("dataset/" + d.name()))));
    return new WorkspacePlan(spec.name(), Optional.of(ws.id()), steps);
  }

  private static PlanStep create(String resource) {
    return new PlanStep(resource, PlanAction.CREATE, Optional.empty(), List.of());
  }

  private static PlanStep compared(String resource, String id, List<Drift> drift) {
    PlanAction action = drift.isEmpty() ? PlanAction.UNCHANGED : PlanAction.DRIFT;
    return new PlanStep(resource, action, Optional.of(id), drift);
  }
}
