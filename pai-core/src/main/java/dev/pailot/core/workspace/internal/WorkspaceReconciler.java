package dev.pailot.core.workspace.internal;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.WaitSettings;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.core.waiter.WaiterPoll;
import dev.pailot.core.workspace.Dataset;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.Drift;
import dev.pailot.core.workspace.EnvType;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceDriftException;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import dev.pailot.core.workspace.WorkspaceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes a {@link WorkspaceSpec} true in PAI: get-or-create the workspace by name, wait until it is
 * enabled, then register the datasets that are missing, all-or-nothing with respect to dataset
 * drift. Reports progress as {@code workspace.ensure} events. Thread-safe; concurrent ensures of
 * the same spec are safe because every create is recovered by a lookup by name.
 */
public final class WorkspaceReconciler {
  private final AiWorkspaceApi api;
  private final CreateRecovery recovery;
  private final WaitSettings wait;
  private final EnsureEvents events;

  /**
   * Creates the reconciler.
   *
   * @param runtime the runtime (retry settings, listener)
   * @param api the typed API
   * @param wait waiter settings
   */
  public WorkspaceReconciler(PaiRuntime runtime, AiWorkspaceApi api, WaitSettings wait) {
    this.api = api;
    this.recovery = new CreateRecovery(runtime.config().retry());
    this.wait = wait;
    this.events = new EnsureEvents(runtime);
  }

  /**
   * Get-or-create the workspace, wait until it is enabled, then register missing datasets.
   *
   * @param spec the spec
   * @return the resulting state
   */
  public WorkspaceState ensure(WorkspaceSpec spec) {
    String resource = "workspace/" + spec.name();
    Optional<Workspace> listed = api.findWorkspace(spec.name());
    CreateRecovery.Created<String> id = getOrCreate(spec, resource, listed);
    // ListWorkspaces already carries the status: an enabled workspace needs no GetWorkspace poll.
    Optional<Workspace> enabled = listed.filter(w -> w.status() == WorkspaceStatus.ENABLED);
    enabled.ifPresent(w -> status(resource, w.id(), "ENABLED", w.status().name()));
    Workspace ws = enabled.orElseGet(() -> awaitEnabled(resource, id.value()));
    List<Drift> drift = DriftCheck.workspace(spec, ws);
    drift.forEach(d -> events.at(resource, "DRIFT").with("field", d.field()).say(d.describe()));
    WorkspaceState.Builder state =
        WorkspaceState.builder().workspace(ws).workspaceCreated(id.created()).drift(drift);
    Map<DatasetSpec, Optional<Dataset>> found = api.findDatasets(ws.id(), spec.datasets());
    failOnDatasetDrift(ws, found);
    found.forEach((d, existing) -> ensureDataset(ws.id(), d, existing, state));
    return state.build();
  }

  private CreateRecovery.Created<String> getOrCreate(
      WorkspaceSpec spec, String resource, Optional<Workspace> existing) {
    if (existing.isPresent()) {
      String id = existing.get().id();
      events.at(resource, "UNCHANGED").with("workspaceId", id).say("Workspace exists as " + id);
      return new CreateRecovery.Created<>(id, false);
    }
    String envs = spec.envTypes().stream().map(EnvType::wireValue).collect(Collectors.joining(","));
    events.at(resource, "CREATING").with("envTypes", envs).say("Creating workspace " + spec.name());
    CreateRecovery.Created<String> c =
        recovery.create(
            () -> api.createWorkspace(spec),
            () -> api.findWorkspace(spec.name()).map(Workspace::id));
    events
        .at(resource, c.created() ? "CREATED" : "UNCHANGED")
        .with("workspaceId", c.value())
        .say("Workspace " + spec.name() + " is " + c.value());
    return c;
  }

  private void ensureDataset(
      String workspaceId, DatasetSpec d, Optional<Dataset> existing, WorkspaceState.Builder state) {
    String resource = "dataset/" + d.name();
    if (existing.isPresent()) {
      String id = existing.get().id();
      events.at(resource, "UNCHANGED").with("datasetId", id).say("Dataset exists as " + id);
      state.addDatasets(existing.get());
      return;
    }
    events.at(resource, "CREATING").with("uri", d.uri()).say("Registering dataset " + d.name());
    CreateRecovery.Created<Dataset> c =
        recovery.create(
            () -> api.createDataset(workspaceId, d), () -> api.findDataset(workspaceId, d.name()));
    String id = c.value().id();
    events
        .at(resource, c.created() ? "CREATED" : "UNCHANGED")
        .with("datasetId", id)
        .say("Dataset " + d.name() + " is " + id);
    state.addDatasets(c.value());
    if (c.created()) {
      state.addCreatedDatasets(d.name());
    }
  }

  private Workspace awaitEnabled(String resource, String id) {
    try {
      return Waiter.<Workspace>builder("workspace " + id + " ENABLED")
          .poll(() -> api.getWorkspace(id))
          .state(w -> w.status().name())
          .until(w -> w.status() == WorkspaceStatus.ENABLED)
          .failWhen(w -> w.status().isTerminalFailure())
          // Right after CreateWorkspace, GetWorkspace may not see the new id yet.
          .tolerate(ResourceNotFoundException.class)
          .delays(wait.minDelay(), wait.maxDelay())
          .timeout(wait.timeout())
          .onPoll(p -> onPoll(resource, id, p))
          .build()
          .await();
    } catch (WaiterUnrecoverableStateException e) {
      throw new WaiterUnrecoverableStateException(
          e.getMessage()
              + " Fix: open workspace "
              + id
              + " in the PAI console: FAILURE means recreate it, DISABLED means an administrator"
              + " must enable it, FROZEN means the account has an overdue payment.",
          e.details(),
          e);
    }
  }

  private void onPoll(String resource, String id, WaiterPoll p) {
    status(resource, id, p.done() ? "ENABLED" : "WAITING", p.state());
  }

  private void status(String resource, String id, String phase, String status) {
    events.at(resource, phase).with("status", status).say("Workspace " + id + " is " + status);
  }

  /** Dataset drift stops ensure before any dataset is created: all-or-nothing. */
  private void failOnDatasetDrift(Workspace ws, Map<DatasetSpec, Optional<Dataset>> found) {
    List<Drift> conflicts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    found.forEach(
        (d, existing) ->
            existing.ifPresent(
                e -> {
                  List<Drift> drift = DriftCheck.dataset(d, e);
                  conflicts.addAll(drift);
                  if (!drift.isEmpty()) {
                    ids.add(e.name() + "=" + e.id());
                  }
                }));
    if (conflicts.isEmpty()) {
      return;
    }
    conflicts.forEach(
        c -> events.at(c.resource(), "DRIFT").with("field", c.field()).say(c.describe()));
    String what = conflicts.stream().map(Drift::describe).collect(Collectors.joining("; "));
    throw new WorkspaceDriftException(
        "Datasets in workspace "
            + ws.name()
            + " ("
            + ws.id()
            + ") differ from the spec: "
            + what
            + ". Pailot does not re-point existing datasets and created none. Fix: rename the"
            + " dataset in the spec, or delete the old one ("
            + String.join(", ", ids)
            + ") with WorkspaceClient.deleteDataset and run ensure again.",
        conflicts);
  }
}
