package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.dataset;
import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pailot.core.Pai;
import dev.pailot.core.internal.transport.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AIWorkspace stubs answer pai-core's ROA requests with the documented response shapes. */
@PaiMockServer
class WorkspaceStubsTest {

  @Test
  void getWorkspaceWalksThroughScriptedStatusesThenStays(Pai pai, PaiStubs stubs) {
    stubs
        .workspace()
        .getWorkspaceStatuses(
            workspace("ws-1", "pailot"), "INITIALIZING", "INITIALIZING", "ENABLED");
    ApiRequest get = ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build();

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      seen.add(Ops.call(pai, get).body().path("Status").asText());
    }

    assertThat(seen).containsExactly("INITIALIZING", "INITIALIZING", "ENABLED", "ENABLED");
  }

  @Test
  void workspacesAreCreatedReadListedAndDeleted(Pai pai, PaiStubs stubs) {
    stubs.workspace().createWorkspace("ws-1");
    stubs.workspace().getWorkspace(workspace("ws-1", "pailot").withEnvTypes("dev", "prod"));
    stubs
        .workspace()
        .listWorkspaces(
            workspace("ws-1", "pailot"), workspace("ws-2", "other").withStatus("FROZEN"));
    stubs.workspace().deleteWorkspace("ws-1");

    JsonNode created =
        Ops.call(
                pai,
                ApiRequest.of(Ops.CREATE_WORKSPACE)
                    .body(JsonNodeFactory.instance.objectNode().put("WorkspaceName", "pailot"))
                    .build())
            .body();
    JsonNode got =
        Ops.call(pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build()).body();
    JsonNode listed =
        Ops.call(pai, ApiRequest.of(Ops.LIST_WORKSPACES).query("PageSize", 20).build()).body();
    Ops.call(pai, ApiRequest.of(Ops.DELETE_WORKSPACE).path("WorkspaceId", "ws-1").build());

    assertThat(created.path("WorkspaceId").asText()).isEqualTo("ws-1");
    assertThat(got.path("WorkspaceName").asText()).isEqualTo("pailot");
    assertThat(got.path("Status").asText()).isEqualTo("ENABLED");
    assertThat(got.path("EnvTypes")).hasSize(2);
    assertThat(got.path("GmtCreateTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(listed.path("TotalCount").asInt()).isEqualTo(2);
    assertThat(listed.path("Workspaces").get(1).path("Status").asText()).isEqualTo("FROZEN");
    stubs.calls().assertAllMatched().single("DeleteWorkspace").assertMethod("DELETE");
  }

  @Test
  void datasetsAreCreatedReadListedAndDeleted(Pai pai, PaiStubs stubs) {
    stubs.workspace().createDataset("d-1");
    stubs
        .workspace()
        .getDataset(
            dataset("d-1", "train", "ws-1", "oss://bucket.oss-cn-shanghai.aliyuncs.com/train/")
                .withOptions("{\"mountPath\":\"/mnt/data/\"}"));
    stubs.workspace().listDatasets(dataset("d-2", "nas", "ws-1", "nas://0a1b2c.cn-shanghai/data/"));
    stubs.workspace().deleteDataset("d-1");

    JsonNode created =
        Ops.call(
                pai,
                ApiRequest.of(Ops.CREATE_DATASET)
                    .body(JsonNodeFactory.instance.objectNode().put("Name", "train"))
                    .build())
            .body();
    JsonNode got =
        Ops.call(pai, ApiRequest.of(Ops.GET_DATASET).path("DatasetId", "d-1").build()).body();
    JsonNode listed =
        Ops.call(pai, ApiRequest.of(Ops.LIST_DATASETS).query("WorkspaceId", "ws-1").build()).body();
    Ops.call(pai, ApiRequest.of(Ops.DELETE_DATASET).path("DatasetId", "d-1").build());

    assertThat(created.path("DatasetId").asText()).isEqualTo("d-1");
    assertThat(got.path("Name").asText()).isEqualTo("train");
    assertThat(got.path("DataSourceType").asText()).isEqualTo("OSS");
    assertThat(got.path("Property").asText()).isEqualTo("DIRECTORY");
    assertThat(got.path("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
    assertThat(got.path("RequestId").asText()).isNotEmpty();
    assertThat(listed.path("TotalCount").asInt()).isEqualTo(1);
    assertThat(listed.path("Datasets").get(0).path("DataSourceType").asText()).isEqualTo("NAS");
    stubs.calls().assertAllMatched();
  }
}
