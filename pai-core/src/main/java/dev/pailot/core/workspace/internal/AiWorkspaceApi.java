package dev.pailot.core.workspace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.Product;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.paging.Page;
import dev.pailot.core.paging.Paginator;
import dev.pailot.core.workspace.Dataset;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.internal.wire.CreateDatasetResponse;
import dev.pailot.core.workspace.internal.wire.CreateWorkspaceResponse;
import dev.pailot.core.workspace.internal.wire.DatasetItem;
import dev.pailot.core.workspace.internal.wire.ListDatasetsResponse;
import dev.pailot.core.workspace.internal.wire.ListWorkspacesResponse;
import dev.pailot.core.workspace.internal.wire.WorkspaceItem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * AIWorkspace's workspace and dataset operations (PAI_API.md §4.1), typed, over the one
 * control-plane pipeline. Reads and deletes are idempotent; creates are not (no {@code
 * ClientToken}), so the pipeline retries them only on throttling. Thread-safe.
 */
public final class AiWorkspaceApi {
  static final Operation LIST_WORKSPACES = get("ListWorkspaces", "/api/v1/workspaces");
  static final Operation GET_WORKSPACE = get("GetWorkspace", "/api/v1/workspaces/{WorkspaceId}");
  static final Operation CREATE_WORKSPACE =
      Operation.roa(Product.AIWORKSPACE, "CreateWorkspace", "POST", "/api/v1/workspaces", false);
  static final Operation DELETE_WORKSPACE =
      Operation.roa(
          Product.AIWORKSPACE,
          "DeleteWorkspace",
          "DELETE",
          "/api/v1/workspaces/{WorkspaceId}",
          true);
  static final Operation LIST_DATASETS = get("ListDatasets", "/api/v1/datasets");
  static final Operation GET_DATASET = get("GetDataset", "/api/v1/datasets/{DatasetId}");
  static final Operation CREATE_DATASET =
      Operation.roa(Product.AIWORKSPACE, "CreateDataset", "POST", "/api/v1/datasets", false);
  static final Operation DELETE_DATASET =
      Operation.roa(
          Product.AIWORKSPACE, "DeleteDataset", "DELETE", "/api/v1/datasets/{DatasetId}", true);

  /** ListWorkspaces' default page size. */
  public static final int WORKSPACE_PAGE_SIZE = 20;

  /** ListDatasets' default page size. */
  public static final int DATASET_PAGE_SIZE = 10;

  private final PaiRuntime runtime;
  private final ObjectMapper json;
  private final WireMapping mapping;

  /**
   * Creates the API over a runtime.
   *
   * @param runtime the runtime of a {@code Pai}
   */
  public AiWorkspaceApi(PaiRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.json = runtime.json();
    this.mapping = new WireMapping(json);
  }

  private static Operation get(String action, String path) {
    return Operation.roa(Product.AIWORKSPACE, action, "GET", path, true);
  }

  /**
   * Lists workspaces lazily, optionally filtered by name on the server.
   *
   * @param nameFilter {@code WorkspaceName} filter, or {@code null}
   * @return lazy paginator
   */
  public Paginator<Workspace> listWorkspaces(String nameFilter) {
    return Paginator.byPageNumber(
        WORKSPACE_PAGE_SIZE,
        page -> {
          ApiRequest request =
              ApiRequest.of(LIST_WORKSPACES)
                  .query("WorkspaceName", nameFilter)
                  .query("PageNumber", page)
                  .query("PageSize", WORKSPACE_PAGE_SIZE)
                  .build();
          ListWorkspacesResponse r =
              read(runtime.call(request).body(), ListWorkspacesResponse.class);
          List<Workspace> items =
              r.workspaces() == null
                  ? List.of()
                  : r.workspaces().stream().map(mapping::workspace).toList();
          return Page.numbered(items, r.totalCount());
        });
  }

  /**
   * Finds a workspace by exact name: the server-side filter may be fuzzy, so every page is checked.
   *
   * @param name exact name
   * @return the workspace, if it exists
   */
  public Optional<Workspace> findWorkspace(String name) {
    return listWorkspaces(name).stream().filter(w -> name.equals(w.name())).findFirst();
  }

  /**
   * Reads one workspace.
   *
   * @param workspaceId id
   * @return the workspace
   * @throws ResourceNotFoundException naming the id, if it does not exist
   */
  public Workspace getWorkspace(String workspaceId) {
    ApiRequest request = ApiRequest.of(GET_WORKSPACE).path("WorkspaceId", workspaceId).build();
    try {
      return mapping.workspace(read(runtime.call(request).body(), WorkspaceItem.class));
    } catch (ResourceNotFoundException e) {
      throw notFound(e, "Workspace " + workspaceId, "check the id with WorkspaceClient.list()");
    }
  }

  /**
   * Sends CreateWorkspace once (through the pipeline, which retries throttling only).
   *
   * @param spec the spec
   * @return the new workspace's id
   */
  public String createWorkspace(WorkspaceSpec spec) {
    ApiRequest request =
        ApiRequest.of(CREATE_WORKSPACE)
            .body(json.valueToTree(mapping.createWorkspace(spec)))
            .build();
    return requireId(
        read(runtime.call(request).body(), CreateWorkspaceResponse.class).workspaceId(),
        "CreateWorkspace",
        "WorkspaceId");
  }

  /**
   * Deletes a workspace.
   *
   * @param workspaceId id
   * @return {@code false} if it did not exist
   */
  public boolean deleteWorkspace(String workspaceId) {
    return delete(ApiRequest.of(DELETE_WORKSPACE).path("WorkspaceId", workspaceId).build());
  }

  /**
   * Lists a workspace's datasets lazily, optionally filtered by name on the server.
   *
   * @param workspaceId workspace id
   * @param nameFilter {@code Name} filter (fuzzy on the server), or {@code null}
   * @return lazy paginator
   */
  public Paginator<Dataset> listDatasets(String workspaceId, String nameFilter) {
    return Paginator.byPageNumber(
        DATASET_PAGE_SIZE,
        page -> {
          ApiRequest request =
              ApiRequest.of(LIST_DATASETS)
                  .query("WorkspaceId", workspaceId)
                  .query("Name", nameFilter)
                  .query("PageNumber", page)
                  .query("PageSize", DATASET_PAGE_SIZE)
                  .build();
          ListDatasetsResponse r = read(runtime.call(request).body(), ListDatasetsResponse.class);
          List<Dataset> items =
              r.datasets() == null
                  ? List.of()
                  : r.datasets().stream().map(mapping::dataset).toList();
          return Page.numbered(items, r.totalCount());
        });
  }

  /**
   * Finds a dataset in a workspace by exact name.
   *
   * @param workspaceId workspace id
   * @param name exact name
   * @return the dataset, if it exists
   */
  public Optional<Dataset> findDataset(String workspaceId, String name) {
    return listDatasets(workspaceId, name).stream().filter(d -> name.equals(d.name())).findFirst();
  }

  /**
   * Looks up each spec's dataset by exact name, in spec order.
   *
   * @param workspaceId workspace id
   * @param specs the datasets wanted
   * @return each spec with the existing dataset of its name, if any
   */
  public Map<DatasetSpec, Optional<Dataset>> findDatasets(
      String workspaceId, List<DatasetSpec> specs) {
    Map<DatasetSpec, Optional<Dataset>> found = new LinkedHashMap<>();
    specs.forEach(d -> found.put(d, findDataset(workspaceId, d.name())));
    return found;
  }

  /**
   * Reads one dataset.
   *
   * @param datasetId id
   * @return the dataset
   * @throws ResourceNotFoundException naming the id, if it does not exist
   */
  public Dataset getDataset(String datasetId) {
    ApiRequest request = ApiRequest.of(GET_DATASET).path("DatasetId", datasetId).build();
    try {
      return mapping.dataset(read(runtime.call(request).body(), DatasetItem.class));
    } catch (ResourceNotFoundException e) {
      throw notFound(
          e, "Dataset " + datasetId, "check the id with WorkspaceClient.datasets(workspaceId)");
    }
  }

  /**
   * Sends CreateDataset once (through the pipeline, which retries throttling only).
   *
   * @param workspaceId workspace id
   * @param spec the dataset
   * @return the created dataset (PAI returns only the id; the rest comes from the spec)
   */
  public Dataset createDataset(String workspaceId, DatasetSpec spec) {
    ApiRequest request =
        ApiRequest.of(CREATE_DATASET)
            .body(json.valueToTree(mapping.createDataset(workspaceId, spec)))
            .build();
    String id =
        requireId(
            read(runtime.call(request).body(), CreateDatasetResponse.class).datasetId(),
            "CreateDataset",
            "DatasetId");
    return mapping.created(id, workspaceId, spec);
  }

  /**
   * Deletes a dataset.
   *
   * @param datasetId id
   * @return {@code false} if it did not exist
   */
  public boolean deleteDataset(String datasetId) {
    return delete(ApiRequest.of(DELETE_DATASET).path("DatasetId", datasetId).build());
  }

  private boolean delete(ApiRequest request) {
    try {
      runtime.call(request);
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private <T> T read(JsonNode body, Class<T> type) {
    try {
      T value = body.isMissingNode() ? null : json.treeToValue(body, type);
      if (value == null) {
        throw new PaiException(
            "AIWorkspace returned an empty body where a "
                + type.getSimpleName()
                + " was expected; retry the call, and report it if it persists");
      }
      return value;
    } catch (IOException e) {
      throw new PaiException(
          "AIWorkspace returned a " + type.getSimpleName() + " this SDK cannot read", null, e);
    }
  }

  private static String requireId(String id, String action, String field) {
    if (id == null || id.isBlank()) {
      throw new PaiException(
          "aiworkspace "
              + action
              + " succeeded but returned no "
              + field
              + "; look the resource up by name before creating it again");
    }
    return id;
  }

  private static ResourceNotFoundException notFound(
      ResourceNotFoundException e, String what, String fix) {
    ResourceNotFoundException named =
        new ResourceNotFoundException(
            what + " does not exist (" + e.getMessage() + ") Fix: " + fix + ".", e.details(), e);
    named.withAttempts(e.numAttempts());
    return named;
  }
}
