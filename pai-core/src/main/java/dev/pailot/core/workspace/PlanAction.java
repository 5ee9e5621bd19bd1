package dev.pailot.core.workspace;

/** What {@link WorkspaceClient#ensure(WorkspaceSpec)} would do with one resource. */
public enum PlanAction {
  /** The resource does not exist; ensure would create it. */
  CREATE,
  /** The resource exists and matches the spec; ensure would leave it alone. */
  UNCHANGED,
  /**
   * The resource exists but differs from the spec. For a workspace, ensure reports it and goes on;
   * for a dataset, ensure fails with {@link WorkspaceDriftException} before creating anything.
   */
  DRIFT
}
