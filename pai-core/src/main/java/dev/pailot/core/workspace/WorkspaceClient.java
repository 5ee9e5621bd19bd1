package dev.pailot.core.workspace;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.WaitSettings;
import dev.pailot.core.paging.Paginator;
import dev.pailot.core.workspace.internal.AiWorkspaceApi;
import dev.pailot.core.workspace.internal.WorkspacePlanner;
import dev.pailot.core.workspace.internal.WorkspaceReconciler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * PAI workspaces and datasets as code (AIWorkspace, version 2021-02-04).
 *
 * <pre>{@code
 * WorkspaceClient workspaces = WorkspaceClient.create(pai);
 * WorkspaceState state = workspaces.ensure(spec);   // get-or-create, wait, register datasets
 * String workspaceId = state.workspace().id();
 * }</pre>
 *
 * <p><b>Idempotence.</b> AIWorkspace creates carry no {@code ClientToken}, so the SDK never
 * re-sends one blindly: a create that fails ambiguously (HTTP 5xx or an I/O error, when PAI may
 * have created the resource anyway) is followed by a lookup by name, and only if nothing is found
 * is the create sent again, within the client's {@link dev.pailot.core.RetrySettings}. Names are
 * the identity: a workspace by its name in the region, a dataset by its name in the workspace.
 *
 * <p><b>Drift.</b> Pailot never changes existing resources to match a spec. Workspace differences
 * (display name, description, environment types) are reported in {@link WorkspaceState#drift()}; a
 * dataset whose name exists with different data (URI, source type, property, mount path) stops
 * {@link #ensure} with a {@link WorkspaceDriftException} before any dataset is created. Use {@link
 * #plan} to see either without changing anything.
 *
 * <p>Thread-safe; create one per {@link Pai} and share it. It owns no resources of its own: closing
 * the {@code Pai} ends it.
 */
public final class WorkspaceClient {
  private final AiWorkspaceApi api;
  private final WorkspaceReconciler reconciler;
  private final WorkspacePlanner planner;

  private WorkspaceClient(Builder b) {
    PaiRuntime runtime = PaiRuntime.of(b.pai);
    this.api = new AiWorkspaceApi(runtime);
    this.reconciler = new WorkspaceReconciler(runtime, api, b.wait);
    this.planner = new WorkspacePlanner(api);
  }

  /**
   * A client with default waiting: up to 10 minutes for a workspace to be enabled, polling every 2
   * to 15 seconds.
   *
   * @param pai the configured connection
   * @return the client
   */
  public static WorkspaceClient create(Pai pai) {
    return builder(pai).build();
  }

  /**
   * A builder, to change how long {@link #ensure} waits.
   *
   * @param pai the configured connection
   * @return builder
   */
  public static Builder builder(Pai pai) {
    return new Builder(Objects.requireNonNull(pai, "pai"));
  }

  /**
   * Makes the spec true: finds the workspace by name or creates it, waits until it is {@link
   * WorkspaceStatus#ENABLED}, then registers each dataset that does not exist yet. Emits {@code
   * workspace.ensure} progress events ({@code CREATING}, {@code CREATED}, {@code UNCHANGED}, {@code
   * WAITING}, {@code ENABLED}, {@code DRIFT}) to the {@code Pai}'s listener. Safe to run again.
   *
   * @param spec the spec
   * @return the workspace, its datasets, what was created and what drifted
   * @throws WorkspaceDriftException if a dataset exists under a spec name with different data
   * @throws WaiterUnrecoverableStateException if the workspace is {@code FAILURE}, {@code DISABLED}
   *     or {@code FROZEN}
   * @throws WaiterTimeoutException if it is not enabled within the wait timeout
   * @throws PaiException for other failures (e.g. a name PAI rejects: {@link ValidationException})
   */
  public WorkspaceState ensure(WorkspaceSpec spec) {
    return reconciler.ensure(Objects.requireNonNull(spec, "spec"));
  }

  /**
   * Describe-only: what {@link #ensure} would create, leave unchanged, or report as drift. Makes
   * only read calls.
   *
   * @param spec the spec
   * @return the plan
   * @throws PaiException if a read fails
   */
  public WorkspacePlan plan(WorkspaceSpec spec) {
    return planner.plan(Objects.requireNonNull(spec, "spec"));
  }

  /**
   * Reads a workspace by id.
   *
   * @param workspaceId the id
   * @return the workspace
   * @throws ResourceNotFoundException if no workspace has this id
   */
  public Workspace get(String workspaceId) {
    return api.getWorkspace(requireId("workspaceId", workspaceId));
  }

  /**
   * Finds a workspace by exact name.
   *
   * @param name the name
   * @return the workspace, or empty if none has this name
   * @throws PaiException if a read fails
   */
  public Optional<Workspace> findByName(String name) {
    return api.findWorkspace(requireId("name", name));
  }

  /**
   * Every workspace visible to the credentials, fetched lazily page by page (20 per call).
   *
   * @return lazy list; a read failure surfaces as {@link PaiException} while iterating
   */
  public Paginator<Workspace> list() {
    return api.listWorkspaces(null);
  }

  /**
   * A workspace's datasets, fetched lazily page by page (10 per call).
   *
   * @param workspaceId the workspace id
   * @return lazy list; a read failure surfaces as {@link PaiException} while iterating
   */
  public Paginator<Dataset> datasets(String workspaceId) {
    return api.listDatasets(requireId("workspaceId", workspaceId), null);
  }

  /**
   * Reads a dataset by id.
   *
   * @param datasetId the id, e.g. {@code d-c0h44g3wlwkj8o4348}
   * @return the dataset
   * @throws ResourceNotFoundException if no dataset has this id
   */
  public Dataset getDataset(String datasetId) {
    return api.getDataset(requireId("datasetId", datasetId));
  }

  /**
   * Deletes a workspace. PAI refuses to delete a workspace that still holds resources.
   *
   * @param workspaceId the id
   * @return {@code true} if deleted, {@code false} if it did not exist
   * @throws ConflictException or another {@link PaiException} if PAI refuses
   */
  public boolean delete(String workspaceId) {
    return api.deleteWorkspace(requireId("workspaceId", workspaceId));
  }

  /**
   * Deletes a dataset's registration; the data in OSS or NAS is untouched.
   *
   * @param datasetId the id
   * @return {@code true} if deleted, {@code false} if it did not exist
   * @throws PaiException if PAI refuses
   */
  public boolean deleteDataset(String datasetId) {
    return api.deleteDataset(requireId("datasetId", datasetId));
  }

  private static String requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.invalidField(field, "is empty", "pass the " + field + " to use");
    }
    return value;
  }

  /** Builds a {@link WorkspaceClient}. Not thread-safe. */
  public static final class Builder {
    private final Pai pai;
    private WaitSettings wait = WaitSettings.defaults();

    private Builder(Pai pai) {
      this.pai = pai;
    }

    /**
     * How long {@link #ensure} waits for a workspace to be enabled. Default 10 minutes.
     *
     * @param timeout positive deadline
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder waitTimeout(Duration timeout) {
      this.wait = wait.withTimeout("waitTimeout", timeout);
      return this;
    }

    /**
     * Poll delays while waiting: the first is {@code min}, growing up to {@code max}. Default 2 s
     * to 15 s.
     *
     * @param min first delay, not negative
     * @param max largest delay, at least {@code min}
     * @return this builder
     * @throws ValidationException if the delays are out of order or negative
     */
    public Builder pollDelays(Duration min, Duration max) {
      this.wait = wait.withDelays(min, max);
      return this;
    }

    /**
     * Builds the client. No network call is made.
     *
     * @return the client
     */
    public WorkspaceClient build() {
      return new WorkspaceClient(this);
    }
  }
}
