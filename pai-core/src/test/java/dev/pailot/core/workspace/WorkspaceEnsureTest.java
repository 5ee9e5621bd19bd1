package dev.pailot.core.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.core.workspace.AiWorkspaceStubs.DATASETS;
import static dev.pailot.core.workspace.AiWorkspaceStubs.OSS_TRAIN;
import static dev.pailot.core.workspace.AiWorkspaceStubs.WORKSPACES;
import static dev.pailot.core.workspace.AiWorkspaceStubs.createDatasetReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.datasetJson;
import static dev.pailot.core.workspace.AiWorkspaceStubs.evalSpec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.getWorkspaceReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.listDatasetsReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.listWorkspacesReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.phases;
import static dev.pailot.core.workspace.AiWorkspaceStubs.spec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.trainSpec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.workspaceJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.event.ProgressEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkspaceEnsureTest {
  @RegisterExtension static WireMockExtension wm = AiWorkspaceStubs.server();

  private final List<ProgressEvent> events = AiWorkspaceStubs.events();
  private Pai pai;
  private WorkspaceClient workspaces;

  @BeforeEach
  void setUp() {
    pai = AiWorkspaceStubs.pai(wm, events);
    workspaces = AiWorkspaceStubs.client(pai);
  }

  @AfterEach
  void tearDown() {
    pai.close();
  }

  @Test
  void ensureOnEmptyAccountCreatesWaitsUntilEnabledAndRegistersDatasets() {
    listWorkspacesReturns(wm);
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .willReturn(okJson("{\"WorkspaceId\":\"123\",\"RequestId\":\"req-cw\"}")));
    stubStatusSequence("INITIALIZING", "INITIALIZING", "ENABLED");
    listDatasetsReturns(wm, "train");
    listDatasetsReturns(wm, "eval");
    createDatasetReturns(wm, "train", "d-train");
    createDatasetReturns(wm, "eval", "d-eval");

    WorkspaceState state = workspaces.ensure(spec(trainSpec(), evalSpec()));

    assertThat(state.workspaceCreated()).isTrue();
    assertThat(state.workspace().id()).isEqualTo("123");
    assertThat(state.workspace().status()).isEqualTo(WorkspaceStatus.ENABLED);
    assertThat(state.workspace().envTypes()).containsExactly(EnvType.DEV, EnvType.PROD);
    assertThat(state.createdDatasets()).containsExactly("train", "eval");
    assertThat(state.datasets()).extracting(Dataset::id).containsExactly("d-train", "d-eval");
    assertThat(state.dataset("train").orElseThrow().mountPath()).hasValue("/mnt/data/train/");
    assertThat(state.drift()).isEmpty();
    assertThat(state.changed()).isTrue();
    wm.verify(1, postRequestedFor(urlPathEqualTo(WORKSPACES)));
    wm.verify(3, getRequestedFor(urlPathEqualTo(WORKSPACES + "/123")));
    wm.verify(2, postRequestedFor(urlPathEqualTo(DATASETS)));
    assertThat(phases(events, "workspace/llm_prod")).isEqualTo("CREATING,CREATED,WAITING,ENABLED");
    assertThat(phases(events, "dataset/train")).isEqualTo("CREATING,CREATED");
    assertThat(events).allMatch(e -> e.operation().equals("workspace.ensure"));
  }

  @Test
  void createRequestsHaveTheDocumentedShape() {
    listWorkspacesReturns(wm);
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .willReturn(okJson("{\"WorkspaceId\":\"123\",\"RequestId\":\"req-cw\"}")));
    getWorkspaceReturns(wm, "ENABLED");
    listDatasetsReturns(wm, "train");
    createDatasetReturns(wm, "train", "d-train");

    workspaces.ensure(spec(trainSpec()));

    wm.verify(
        postRequestedFor(urlPathEqualTo(WORKSPACES))
            .withHeader("x-acs-action", equalTo("CreateWorkspace"))
            .withHeader("x-acs-version", equalTo("2021-02-04"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId,.*"))
            .withRequestBody(
                equalToJson(
                    "{\"WorkspaceName\":\"llm_prod\",\"DisplayName\":\"LLM prod\","
                        + "\"Description\":\"LLM fine-tuning and serving\","
                        + "\"EnvTypes\":[\"dev\",\"prod\"]}")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(WORKSPACES))
            .withHeader("x-acs-action", equalTo("ListWorkspaces"))
            .withQueryParam("WorkspaceName", equalTo("llm_prod"))
            .withQueryParam("PageNumber", equalTo("1"))
            .withQueryParam("PageSize", equalTo("20")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(DATASETS))
            .withHeader("x-acs-action", equalTo("ListDatasets"))
            .withQueryParam("WorkspaceId", equalTo("123"))
            .withQueryParam("Name", equalTo("train"))
            .withQueryParam("PageNumber", equalTo("1"))
            .withQueryParam("PageSize", equalTo("10")));
    wm.verify(
        postRequestedFor(urlPathEqualTo(DATASETS))
            .withHeader("x-acs-action", equalTo("CreateDataset"))
            .withHeader("x-acs-version", equalTo("2021-02-04"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*"))
            .withRequestBody(
                equalToJson(
                    "{\"Name\":\"train\",\"WorkspaceId\":\"123\",\"DataSourceType\":\"OSS\","
                        + "\"Uri\":\""
                        + OSS_TRAIN
                        + "\",\"Property\":\"DIRECTORY\","
                        + "\"DataType\":\"COMMON\","
                        + "\"Options\":\"{\\\"mountPath\\\":\\\"/mnt/data/train/\\\"}\","
                        + "\"Description\":\"\",\"Labels\":[{\"Key\":\"team\",\"Value\":\"llm\"}]}")));
  }

  @Test
  void ensureOnExistingWorkspaceAndDatasetsSendsNoCreate() {
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "ENABLED"));
    getWorkspaceReturns(wm, "ENABLED");
    listDatasetsReturns(wm, "train", datasetJson("d-train", "train", OSS_TRAIN));

    WorkspaceState state = workspaces.ensure(spec(trainSpec()));

    assertThat(state.workspaceCreated()).isFalse();
    assertThat(state.createdDatasets()).isEmpty();
    assertThat(state.changed()).isFalse();
    assertThat(state.datasets()).extracting(Dataset::id).containsExactly("d-train");
    assertThat(state.workspace().createdAt()).isPresent();
    wm.verify(0, postRequestedFor(urlPathEqualTo(WORKSPACES)));
    wm.verify(0, postRequestedFor(urlPathEqualTo(DATASETS)));
    assertThat(phases(events, "workspace/llm_prod")).isEqualTo("UNCHANGED,ENABLED");
    assertThat(phases(events, "dataset/train")).isEqualTo("UNCHANGED");
  }

  @Test
  void serverSideNameFilterIsNotTrustedForExactMatch() {
    listWorkspacesReturns(wm, workspaceJson("999", "llm_prod_old", "ENABLED"));
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .willReturn(okJson("{\"WorkspaceId\":\"123\",\"RequestId\":\"req-cw\"}")));
    getWorkspaceReturns(wm, "ENABLED");

    WorkspaceState state = workspaces.ensure(spec());

    assertThat(state.workspace().id()).isEqualTo("123");
    assertThat(state.workspaceCreated()).isTrue();
  }

  @Test
  void workspaceDriftIsReportedNotChanged() {
    String other =
        workspaceJson("123", "llm_prod", "ENABLED").replace("LLM fine-tuning", "Old text for");
    listWorkspacesReturns(wm, other);
    wm.stubFor(get(urlPathEqualTo(WORKSPACES + "/123")).willReturn(okJson(other)));

    WorkspaceState state = workspaces.ensure(spec());

    assertThat(state.drift())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo("description");
              assertThat(d.actual()).isEqualTo("Old text for and serving");
            });
    assertThat(phases(events, "workspace/llm_prod")).contains("DRIFT");
  }

  private static void stubStatusSequence(String... statuses) {
    String state = STARTED;
    for (int i = 0; i < statuses.length; i++) {
      String next = i == statuses.length - 1 ? state : "poll-" + (i + 1);
      wm.stubFor(
          get(urlPathEqualTo(WORKSPACES + "/123"))
              .inScenario("status")
              .whenScenarioStateIs(state)
              .willReturn(okJson(workspaceJson("123", "llm_prod", statuses[i])))
              .willSetStateTo(next));
      state = next;
    }
  }
}
