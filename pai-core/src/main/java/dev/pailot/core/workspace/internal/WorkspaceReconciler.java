package dev.pailot.core.workspace.internal;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.waiter.Waiter;
import dev.pailot.core.waiter.WaiterPoll;
import dev.pailot.core.workspace.Dataset;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.Drift;
import dev.pailot.core.workspace.PlanAction;
import dev.pailot.core.workspace.PlanStep;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceDriftException;
import dev.pailot.core.workspace.WorkspacePlan;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import dev.pailot.core.workspace.WorkspaceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes a {@link WorkspaceSpec} true in PAI ({@link #ensure}) or says what that would take ({@link
 * #plan}). Reports progress as {@code workspace.ensure} events. Thread-safe; concurrent ensures of
 * the same spec are safe because every create is recovered by a lookup by name.
 */
public final class WorkspaceReconciler {
  static final String OPERATION = "workspace.ensure";

  private final PaiRuntime runtime;
  private final AiWorkspaceApi api;
  private final CreateRecovery recovery;
  private final WaitSettings wait;

  /**
   * How long and how often to poll a workspace until it is enabled.
   *
   * @param timeout deadline for the whole wait
   * @param minDelay first poll delay
   * @param maxDelay largest poll delay
   */
  public record WaitSettings(Duration timeout, Duration minDelay, Duration maxDelay) {}

  /**
   * Creates the reconciler.
   *
   * @param runtime the runtime
   * @param api the typed API
   * @param wait waiter settings
   */
  public WorkspaceReconciler(PaiRuntime runtime, AiWorkspaceApi api, WaitSettings wait) {
    this.runtime = runtime;
    this.api = api;
    this.recovery = new CreateRecovery(runtime.config().retry());
    this.wait = wait;
  }

  /**
   * Get-or-create the workspace, wait until it is enabled, then register missing datasets.
   *
   * @param spec the spec
   * @return the resulting state
   */
  public WorkspaceState ensure(WorkspaceSpec spec) {
    String resource = "workspace/" + spec.name();
    Optional<Workspace> existing = api.findWorkspace(spec.name());
    String id;
    boolean created;
    if (existing.isPresent()) {
      id = existing.get().id();
      created = false;
      emit(resource, "UNCHANGED", "Workspace " + spec.name() + " exists", "workspaceId", id);
    } else {
      emit(resource, "CREATING", "Creating workspace " + spec.name(), "envTypes", envs(spec));
      CreateRecovery.Created<String> c =
          recovery.create(
              () -> api.createWorkspace(spec),
              () -> api.findWorkspace(spec.name()).map(Workspace::id));
      id = c.value();
      created = c.created();
      emit(
          resource,
          created ? "CREATED" : "UNCHANGED",
          "Workspace " + spec.name() + " is " + id,
          "workspaceId",
          id);
    }
    Workspace ws = awaitEnabled(resource, id);
    List<Drift> drift = DriftCheck.workspace(spec, ws);
    drift.forEach(d -> emit(resource, "DRIFT", d.describe(), "field", d.field()));
    WorkspaceState.Builder state =
        WorkspaceState.builder().workspace(ws).workspaceCreated(created).drift(drift);
    ensureDatasets(spec, ws, state);
    return state.build();
  }

  private void ensureDatasets(WorkspaceSpec spec, Workspace ws, WorkspaceState.Builder state) {
    Map<DatasetSpec, Optional<Dataset>> found = lookupDatasets(spec, ws.id());
    List<Drift> conflicts = new ArrayList<>();
    found.forEach(
        (d, f) -> f.ifPresent(existing -> conflicts.addAll(DriftCheck.dataset(d, existing))));
    if (!conflicts.isEmpty()) {
      conflicts.forEach(c -> emit(c.resource(), "DRIFT", c.describe(), "field", c.field()));
      throw driftFailure(ws, found, conflicts);
    }
    found.forEach(
        (d, f) -> {
          String resource = "dataset/" + d.name();
          if (f.isPresent()) {
            emit(
                resource,
                "UNCHANGED",
                "Dataset " + d.name() + " exists",
                "datasetId",
                f.get().id());
            state.addDatasets(f.get());
            return;
          }
          emit(resource, "CREATING", "Registering dataset " + d.name(), "uri", d.uri());
          CreateRecovery.Created<Dataset> c =
              recovery.create(
                  () -> api.createDataset(ws.id(), d), () -> api.findDataset(ws.id(), d.name()));
          emit(
              resource,
              c.created() ? "CREATED" : "UNCHANGED",
              "Dataset " + d.name() + " is " + c.value().id(),
              "datasetId",
              c.value().id());
          state.addDatasets(c.value());
          if (c.created()) {
            state.addCreatedDatasets(d.name());
          }
        });
  }

  /**
   * Describe-only: what {@link #ensure} would create, leave alone, or stop at.
   *
   * @param spec the spec
   * @return the plan
   */
  public WorkspacePlan plan(WorkspaceSpec spec) {
    List<PlanStep> steps = new ArrayList<>();
    String wsResource = "workspace/" + spec.name();
    Optional<Workspace> existing = api.findWorkspace(spec.name());
    if (existing.isEmpty()) {
      steps.add(new PlanStep(wsResource, PlanAction.CREATE, Optional.empty(), List.of()));
      spec.datasets()
          .forEach(
              d ->
                  steps.add(
                      new PlanStep(
                          "dataset/" + d.name(), PlanAction.CREATE, Optional.empty(), List.of())));
      return new WorkspacePlan(spec.name(), Optional.empty(), steps);
    }
    Workspace ws = api.getWorkspace(existing.get().id());
    steps.add(step(wsResource, Optional.of(ws.id()), DriftCheck.workspace(spec, ws)));
    lookupDatasets(spec, ws.id())
        .forEach(
            (d, f) ->
                steps.add(
                    f.isEmpty()
                        ? new PlanStep(
                            "dataset/" + d.name(), PlanAction.CREATE, Optional.empty(), List.of())
                        : step(
                            "dataset/" + d.name(),
                            Optional.of(f.get().id()),
                            DriftCheck.dataset(d, f.get()))));
    return new WorkspacePlan(spec.name(), Optional.of(ws.id()), steps);
  }

  private static PlanStep step(String resource, Optional<String> id, List<Drift> drift) {
    return new PlanStep(
        resource, drift.isEmpty() ? PlanAction.UNCHANGED : PlanAction.DRIFT, id, drift);
  }

  private Map<DatasetSpec, Optional<Dataset>> lookupDatasets(WorkspaceSpec spec, String wsId) {
    Map<DatasetSpec, Optional<Dataset>> found = new LinkedHashMap<>();
    spec.datasets().forEach(d -> found.put(d, api.findDataset(wsId, d.name())));
    return found;
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
    String phase = p.done() ? "ENABLED" : "WAITING";
    emit(resource, phase, "Workspace " + id + " is " + p.state(), "status", p.state());
  }

  private WorkspaceDriftException driftFailure(
      Workspace ws, Map<DatasetSpec, Optional<Dataset>> found, List<Drift> conflicts) {
    String ids =
        found.values().stream()
            .flatMap(Optional::stream)
            .filter(
                d -> conflicts.stream().anyMatch(c -> c.resource().equals("dataset/" + d.name())))
            .map(d -> d.name() + "=" + d.id())
            .collect(Collectors.joining(", "));
    String what = conflicts.stream().map(Drift::describe).collect(Collectors.joining("; "));
    return new WorkspaceDriftException(
        "Datasets in workspace "
            + ws.name()
            + " ("
            + ws.id()
            + ") differ from the spec: "
            + what
            + ". Pailot does not re-point existing datasets and created none. Fix: rename the"
            + " dataset in the spec, or delete the old one ("
            + ids
            + ") with"
            + " WorkspaceClient.deleteDataset and run ensure again.",
        conflicts);
  }

  private void emit(String resource, String phase, String message, String key, String value) {
    runtime.progress(
        ProgressEvent.builder()
            .operation(OPERATION)
            .resource(resource)
            .phase(phase)
            .message(message)
            .putAttributes(key, value)
            .build());
  }

  private static String envs(WorkspaceSpec spec) {
    return spec.envTypes().stream().map(e -> e.wireValue()).collect(Collectors.joining(","));
  }
}
