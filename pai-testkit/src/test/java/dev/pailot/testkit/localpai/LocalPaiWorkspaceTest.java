package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.LocalPaiVpcTest.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiWorkspaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions());
    pai = Calls.client(localPai);
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  private static String createWorkspace(String name, String... envTypes) {
    ObjectNode body =
        JSON.createObjectNode().put("WorkspaceName", name).put("Description", "test workspace");
    var env = body.putArray("EnvTypes");
    for (String e : envTypes.length == 0 ? new String[] {"prod"} : envTypes) {
      env.add(e);
    }
    return Calls.roa(pai, "POST", "/api/v1/workspaces", "CreateWorkspace", Map.of(), Map.of(), body)
        .get("WorkspaceId")
        .asText();
  }

  private static JsonNode getWorkspace(String id) {
    return Calls.roa(
        pai,
        "GET",
        "/api/v1/workspaces/{WorkspaceId}",
        "GetWorkspace",
        Map.of("WorkspaceId", id),
        Map.of(),
        null);
  }

  private static JsonNode listWorkspaces(Map<String, String> query) {
    return Calls.roa(pai, "GET", "/api/v1/workspaces", "ListWorkspaces", Map.of(), query, null);
  }

  @Test
  void workspaceIsInitializingThenEnabled() {
    String id = createWorkspace("ws_lifecycle", "dev", "prod");
    assertThat(id).matches("\\d+");

    JsonNode w = getWorkspace(id);
    assertThat(w.get("WorkspaceName").asText()).isEqualTo("ws_lifecycle");
    assertThat(w.get("DisplayName").asText()).isEqualTo("ws_lifecycle");
    assertThat(w.get("Status").asText()).isIn("INITIALIZING", "ENABLED");
    assertThat(w.get("EnvTypes").toString()).isEqualTo("[\"dev\",\"prod\"]");
    assertThat(w.get("GmtCreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{3}Z");
    assertThat(w.get("RequestId").asText()).isNotBlank();

    Calls.await(() -> getWorkspace(id).get("Status").asText(), "ENABLED");
  }

  @Test
  void workspaceNamesAreValidatedAndUnique() {
    createWorkspace("ws_unique");
    assertThatThrownBy(() -> createWorkspace("ws_unique")).isInstanceOf(ConflictException.class);
    for (String bad : List.of("1abc", "ab", "has-dash", "a234567890123456789012345")) {
      assertThatThrownBy(() -> createWorkspace(bad))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("WorkspaceName");
    }
    assertThatThrownBy(() -> createWorkspace("ws_env", "dev"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EnvTypes");
  }

  @Test
  void missingWorkspaceIsNotFoundWithPaisNumericCode() {
    assertThatThrownBy(() -> getWorkspace("99999999"))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("100400008"))
        .satisfies(e -> assertThat(((ResourceNotFoundException) e).httpStatus()).isEqualTo(404));
  }

  @Test
  void listFiltersByExactNameAndPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createWorkspace("ws_page_" + i));
    }
    JsonNode exact = listWorkspaces(Map.of("WorkspaceName", "ws_page_2"));
    assertThat(exact.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(exact.at("/Workspaces/0/WorkspaceId").asText()).isEqualTo(ids.get(2));

    JsonNode page2 =
        listWorkspaces(
            Map.of("WorkspaceIds", String.join(",", ids), "PageSize", "2", "PageNumber", "2"));
    assertThat(page2.get("TotalCount").asInt()).isEqualTo(5);
    assertThat(page2.get("Workspaces").size()).isEqualTo(2);
    assertThat(page2.at("/Workspaces/0/WorkspaceId").asText()).isEqualTo(ids.get(2));
  }

  @Test
  void deletedWorkspaceIsGone() {
    String id = createWorkspace("ws_delete");
    Calls.roa(
        pai,
        "DELETE",
        "/api/v1/workspaces/{WorkspaceId}",
        "DeleteWorkspace",
        Map.of("WorkspaceId", id),
        Map.of(),
        null);
    assertThatThrownBy(() -> getWorkspace(id)).isInstanceOf(ResourceNotFoundException.class);
  }

  private static ObjectNode dataset(String workspaceId, String name, String type, String uri) {
    return JSON.createObjectNode()
        .put("WorkspaceId", workspaceId)
        .put("Name", name)
        .put("DataSourceType", type)
        .put("Uri", uri)
        .put("Property", "DIRECTORY")
        .put("Options", "{\"mountPath\":\"/mnt/data/\"}");
  }

  private static String createDataset(ObjectNode body) {
    return Calls.roa(pai, "POST", "/api/v1/datasets", "CreateDataset", Map.of(), Map.of(), body)
        .get("DatasetId")
        .asText();
  }

  @Test
  void datasetsAreCreatedListedAndRead() {
    String ws = createWorkspace("ws_datasets");
    String oss =
        createDataset(
            dataset(ws, "train-set", "OSS", "oss://my-bucket.oss-cn-shanghai.aliyuncs.com/data/"));
    String nas =
        createDataset(dataset(ws, "eval_set", "NAS", "nas://0a1b2c3d4e.cn-shanghai/eval/"));
    assertThat(oss).startsWith("d-");

    JsonNode got =
        Calls.roa(
            pai,
            "GET",
            "/api/v1/datasets/{DatasetId}",
            "GetDataset",
            Map.of("DatasetId", oss),
            Map.of(),
            null);
    assertThat(got.get("Name").asText()).isEqualTo("train-set");
    assertThat(got.get("Uri").asText())
        .isEqualTo("oss://my-bucket.oss-cn-shanghai.aliyuncs.com/data/");
    assertThat(got.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
    assertThat(got.get("WorkspaceId").asText()).isEqualTo(ws);
    assertThat(got.get("Accessibility").asText()).isEqualTo("PRIVATE");

    JsonNode all =
        Calls.roa(
            pai,
            "GET",
            "/api/v1/datasets",
            "ListDatasets",
            Map.of(),
            Map.of("WorkspaceId", ws),
            null);
    assertThat(all.get("TotalCount").asInt()).isEqualTo(2);
    JsonNode fuzzy =
        Calls.roa(
            pai,
            "GET",
            "/api/v1/datasets",
            "ListDatasets",
            Map.of(),
            Map.of("WorkspaceId", ws, "Name", "EVAL"),
            null);
    assertThat(fuzzy.at("/Datasets/0/DatasetId").asText()).isEqualTo(nas);
    JsonNode byType =
        Calls.roa(
            pai,
            "GET",
            "/api/v1/datasets",
            "ListDatasets",
            Map.of(),
            Map.of("WorkspaceId", ws, "DataSourceTypes", "OSS"),
            null);
    assertThat(byType.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(byType.at("/Datasets/0/DatasetId").asText()).isEqualTo(oss);
  }

  @Test
  void datasetValidationAndNotFound() {
    String ws = createWorkspace("ws_ds_errors");
    assertThat(codeOf(() -> createDataset(dataset(ws, "x", "OSS", "nas://abc.cn-shanghai/p/"))))
        .isEqualTo("InvalidParameter");
    assertThat(codeOf(() -> createDataset(dataset(ws, "x", "OSS", "oss://bucket-only/"))))
        .isEqualTo("InvalidParameter");
    assertThat(codeOf(() -> createDataset(dataset(ws, "x", "S3", "s3://b/p"))))
        .isEqualTo("InvalidParameter");
    assertThat(codeOf(() -> createDataset(dataset(ws, "_bad", "NAS", "nas://a.cn-shanghai/"))))
        .isEqualTo("InvalidParameter");
    ObjectNode noProperty = dataset(ws, "x", "NAS", "nas://a.cn-shanghai/");
    noProperty.remove("Property");
    assertThatThrownBy(() -> createDataset(noProperty))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("MissingParameter"))
        .hasMessageContaining("Property");
    assertThat(codeOf(() -> createDataset(dataset("424242", "x", "NAS", "nas://a.cn-shanghai/"))))
        .isEqualTo("100400008");
    assertThatThrownBy(
            () ->
                Calls.roa(
                    pai,
                    "GET",
                    "/api/v1/datasets/{DatasetId}",
                    "GetDataset",
                    Map.of("DatasetId", "d-doesnotexist"),
                    Map.of(),
                    null))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("201300003"));
  }
}
