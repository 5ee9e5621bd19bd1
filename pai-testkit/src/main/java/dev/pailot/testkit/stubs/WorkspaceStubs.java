package dev.pailot.testkit.stubs;

import static dev.pailot.testkit.stubs.StubWiring.CREATED;
import static dev.pailot.testkit.stubs.StubWiring.body;
import static dev.pailot.testkit.stubs.StubWiring.ok;
import static dev.pailot.testkit.stubs.StubWiring.roa;
import static dev.pailot.testkit.stubs.StubWiring.segment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Stubs for PAI AIWorkspace 2021-02-04 workspaces and datasets (ROA: matched by method,
 * percent-encoded path and {@code x-acs-action}). Each method registers its stubs and returns them;
 * a later stub for the same request wins.
 *
 * <p>Thread-safe (WireMock's stub store is). Stubs live until the server is reset.
 */
public final class WorkspaceStubs {
  private static final String WORKSPACES = "/api/v1/workspaces";
  private static final String DATASETS = "/api/v1/datasets";

  private final StubWiring wiring;

  /**
   * Stubs on {@code server}.
   *
   * @param server a running WireMock server
   */
  public WorkspaceStubs(WireMockServer server) {
    this.wiring = new StubWiring(server);
  }

  /**
   * {@code POST /api/v1/workspaces} answers {@code {RequestId, WorkspaceId}}.
   *
   * @param workspaceId the id to return
   * @return the stub
   */
  public StubMapping createWorkspace(String workspaceId) {
    ObjectNode b = body();
    b.put("WorkspaceId", workspaceId);
    return wiring.register("CreateWorkspace", roa("POST", WORKSPACES, "CreateWorkspace"), ok(b));
  }

  /**
   * {@code GET /api/v1/workspaces/{WorkspaceId}} answers the workspace with its {@code RequestId}.
   *
   * @param workspace the workspace
   * @return the stub
   */
  public StubMapping getWorkspace(WorkspaceFixture workspace) {
    return wiring.register(
        "GetWorkspace", getWorkspaceRequest(workspace.workspaceId()), ok(workspaceBody(workspace)));
  }

  /**
   * {@code GetWorkspace} answers with each status in turn, one per call, then keeps answering with
   * the last one, e.g. {@code INITIALIZING, INITIALIZING, ENABLED} for a waiter test.
   *
   * @param workspace the workspace (its own status is ignored)
   * @param statuses the statuses, in order; at least one
   * @return the stubs, one per status
   */
  public List<StubMapping> getWorkspaceStatuses(WorkspaceFixture workspace, String... statuses) {
    List<ResponseDefinitionBuilder> responses = new ArrayList<>();
    for (String status : statuses) {
      responses.add(ok(workspaceBody(workspace.withStatus(status))));
    }
    return wiring.sequence(
        "GetWorkspace", () -> getWorkspaceRequest(workspace.workspaceId()), responses, true);
  }

  /**
   * {@code GET /api/v1/workspaces} answers {@code {RequestId, Workspaces: [...], TotalCount}}.
   *
   * @param workspaces the workspaces
   * @return the stub
   */
  public StubMapping listWorkspaces(WorkspaceFixture... workspaces) {
    ObjectNode b = body();
    ArrayNode list = b.putArray("Workspaces");
    for (WorkspaceFixture w : workspaces) {
      list.add(workspaceJson(w));
    }
    b.put("TotalCount", workspaces.length);
    return wiring.register("ListWorkspaces", roa("GET", WORKSPACES, "ListWorkspaces"), ok(b));
  }

  /**
   * {@code DELETE /api/v1/workspaces/{WorkspaceId}} answers {@code {RequestId}}.
   *
   * @param workspaceId the workspace id in the path
   * @return the stub
   */
  public StubMapping deleteWorkspace(String workspaceId) {
    return wiring.register(
        "DeleteWorkspace",
        roa("DELETE", WORKSPACES + "/" + segment(workspaceId), "DeleteWorkspace"),
        ok(body()));
  }

  /**
   * {@code POST /api/v1/datasets} answers {@code {RequestId, DatasetId}}.
   *
   * @param datasetId the id to return
   * @return the stub
   */
  public StubMapping createDataset(String datasetId) {
    ObjectNode b = body();
    b.put("DatasetId", datasetId);
    return wiring.register("CreateDataset", roa("POST", DATASETS, "CreateDataset"), ok(b));
  }

  /**
   * {@code GET /api/v1/datasets/{DatasetId}} answers the dataset with its {@code RequestId}.
   *
   * @param dataset the dataset
   * @return the stub
   */
  public StubMapping getDataset(DatasetFixture dataset) {
    ObjectNode b = datasetJson(dataset);
    b.put("RequestId", StubWiring.requestId());
    return wiring.register(
        "GetDataset",
        roa("GET", DATASETS + "/" + segment(dataset.datasetId()), "GetDataset"),
        ok(b));
  }

  /**
   * {@code GET /api/v1/datasets} answers {@code {RequestId, Datasets: [...], TotalCount}}.
   *
   * @param datasets the datasets
   * @return the stub
   */
  public StubMapping listDatasets(DatasetFixture... datasets) {
    ObjectNode b = body();
    ArrayNode list = b.putArray("Datasets");
    for (DatasetFixture d : datasets) {
      list.add(datasetJson(d));
    }
    b.put("TotalCount", datasets.length);
    return wiring.register("ListDatasets", roa("GET", DATASETS, "ListDatasets"), ok(b));
  }

  /**
   * {@code DELETE /api/v1/datasets/{DatasetId}} answers {@code {RequestId}}.
   *
   * @param datasetId the dataset id in the path
   * @return the stub
   */
  public StubMapping deleteDataset(String datasetId) {
    return wiring.register(
        "DeleteDataset",
        roa("DELETE", DATASETS + "/" + segment(datasetId), "DeleteDataset"),
        ok(body()));
  }

  private static MappingBuilder getWorkspaceRequest(String workspaceId) {
    return roa("GET", WORKSPACES + "/" + segment(workspaceId), "GetWorkspace");
  }

  private static ObjectNode workspaceBody(WorkspaceFixture w) {
    ObjectNode b = workspaceJson(w);
    b.put("RequestId", StubWiring.requestId());
    b.putArray("AdminNames").add("pailot-admin");
    b.put("Owner", "pailot-owner");
    b.putObject("ExtraInfos").put("TenantId", "pailot-tenant");
    return b;
  }

  private static ObjectNode workspaceJson(WorkspaceFixture w) {
    ObjectNode n = StubWiring.JSON.createObjectNode();
    n.put("WorkspaceId", w.workspaceId());
    n.put("WorkspaceName", w.workspaceName());
    n.put("DisplayName", w.workspaceName());
    n.put("Description", w.description());
    n.put("Status", w.status());
    ArrayNode env = n.putArray("EnvTypes");
    w.envTypes().forEach(env::add);
    n.put("IsDefault", w.isDefault());
    n.put("Creator", "pailot-creator");
    n.put("GmtCreateTime", CREATED);
    n.put("GmtModifiedTime", CREATED);
    return n;
  }

  private static ObjectNode datasetJson(DatasetFixture d) {
    ObjectNode n = StubWiring.JSON.createObjectNode();
    n.put("DatasetId", d.datasetId());
    n.put("Name", d.name());
    n.put("WorkspaceId", d.workspaceId());
    n.put("DataSourceType", d.dataSourceType());
    n.put("Uri", d.uri());
    n.put("Property", d.property());
    n.put("DataType", "COMMON");
    n.put("SourceType", "USER");
    n.put("Accessibility", "PRIVATE");
    n.put("Options", d.options());
    n.put("Description", "");
    n.put("ProviderType", "Ecs");
    n.put("MountAccess", "RW");
    n.put("OwnerId", "pailot-owner");
    n.put("GmtCreateTime", CREATED);
    n.put("GmtModifiedTime", CREATED);
    return n;
  }
}
