package dev.pailot.core.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pailot.core.workspace.AiWorkspaceStubs.DATASETS;
import static dev.pailot.core.workspace.AiWorkspaceStubs.OSS_TRAIN;
import static dev.pailot.core.workspace.AiWorkspaceStubs.WORKSPACES;
import static dev.pailot.core.workspace.AiWorkspaceStubs.datasetJson;
import static dev.pailot.core.workspace.AiWorkspaceStubs.error;
import static dev.pailot.core.workspace.AiWorkspaceStubs.workspaceJson;
import static dev.pailot.core.workspace.AiWorkspaceStubs.workspaceList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads, listing, paging, deletes and not-found mapping. */
class WorkspaceReadTest {
  @RegisterExtension static WireMockExtension wm = AiWorkspaceStubs.server();

  private Pai pai;
  private WorkspaceClient workspaces;

  @BeforeEach
  void setUp() {
    pai = AiWorkspaceStubs.pai(wm, AiWorkspaceStubs.events());
    workspaces = AiWorkspaceStubs.client(pai);
  }

  @AfterEach
  void tearDown() {
    pai.close();
  }

  @Test
  void getMapsTheWireWorkspace() {
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES + "/123"))
            .willReturn(okJson(workspaceJson("123", "llm_prod", "ENABLED"))));

    Workspace ws = workspaces.get("123");

    assertThat(ws.id()).isEqualTo("123");
    assertThat(ws.name()).isEqualTo("llm_prod");
    assertThat(ws.displayName()).isEqualTo("LLM prod");
    assertThat(ws.status()).isEqualTo(WorkspaceStatus.ENABLED);
    assertThat(ws.envTypes()).containsExactly(EnvType.DEV, EnvType.PROD);
    assertThat(ws.createdAt()).hasValue(Instant.parse("2026-01-12T14:35:01Z"));
    assertThat(ws.creator()).hasValue("2004110000006048");
    assertThat(ws.defaultWorkspace()).isFalse();
    wm.verify(
        getRequestedFor(urlPathEqualTo(WORKSPACES + "/123"))
            .withHeader("x-acs-action", equalTo("GetWorkspace"))
            .withHeader("x-acs-version", equalTo("2021-02-04")));
  }

  @Test
  void numericNotFoundCodeBecomesResourceNotFoundNamingTheWorkspace() {
    wm.stubFor(get(urlPathEqualTo(WORKSPACES + "/404")).willReturn(error(400, "100400008")));

    assertThatThrownBy(() -> workspaces.get("404"))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.errorCode()).hasValue("100400008");
              assertThat(e.requestId()).hasValue("req-err");
              assertThat(e.getMessage()).contains("Workspace 404").contains("Fix:");
            });
    wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES + "/404")));
  }

  @Test
  void datasetNotFoundCodeBecomesResourceNotFound() {
    wm.stubFor(get(urlPathEqualTo(DATASETS + "/d-x")).willReturn(error(400, "201300003")));

    assertThatThrownBy(() -> workspaces.getDataset("d-x"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Dataset d-x");
  }

  @Test
  void listPagesLazilyAcrossTwoPages() {
    String[] page1 = ws(1, 20);
    String[] page2 = ws(21, 25);
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("PageNumber", equalTo("1"))
            .willReturn(okJson(workspaceList(25, page1))));
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("PageNumber", equalTo("2"))
            .willReturn(okJson(workspaceList(25, page2))));

    assertThat(workspaces.list().stream().findFirst()).isPresent();
    wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES)));

    List<Workspace> all = workspaces.list().stream().toList();

    assertThat(all).hasSize(25);
    assertThat(all.get(24).id()).isEqualTo("25");
    wm.verify(
        getRequestedFor(urlPathEqualTo(WORKSPACES))
            .withQueryParam("PageNumber", equalTo("2"))
            .withQueryParam("PageSize", equalTo("20")));
  }

  @Test
  void findByNameMatchesExactlyOnLaterPages() {
    String[] page1 = ws(1, 20);
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("PageNumber", equalTo("1"))
            .willReturn(okJson(workspaceList(21, page1))));
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("PageNumber", equalTo("2"))
            .willReturn(okJson(workspaceList(21, workspaceJson("777", "ws_x", "ENABLED")))));

    assertThat(workspaces.findByName("ws_x")).map(Workspace::id).hasValue("777");
    assertThat(workspaces.findByName("ws")).isEmpty();
  }

  @Test
  void datasetsAndGetDatasetMapOptionsAndLabels() {
    wm.stubFor(
        get(urlPathEqualTo(DATASETS))
            .withQueryParam("WorkspaceId", equalTo("123"))
            .willReturn(
                okJson(AiWorkspaceStubs.datasetList(datasetJson("d-train", "train", OSS_TRAIN)))));
    wm.stubFor(
        get(urlPathEqualTo(DATASETS + "/d-train"))
            .willReturn(okJson(datasetJson("d-train", "train", OSS_TRAIN))));

    assertThat(workspaces.datasets("123").stream().toList())
        .singleElement()
        .satisfies(d -> assertThat(d.mountPath()).hasValue("/mnt/data/train/"));
    Dataset d = workspaces.getDataset("d-train");
    assertThat(d.uri()).isEqualTo(OSS_TRAIN);
    assertThat(d.dataSourceType()).isEqualTo("OSS");
    assertThat(d.property()).isEqualTo("DIRECTORY");
    assertThat(d.labels()).containsEntry("team", "llm");
    assertThat(d.createdAt()).isPresent();
  }

  @Test
  void deleteReportsWhetherSomethingWasDeleted() {
    wm.stubFor(delete(urlPathEqualTo(WORKSPACES + "/123")).willReturn(okJson("{}")));
    wm.stubFor(delete(urlPathEqualTo(DATASETS + "/d-gone")).willReturn(error(404, "201300003")));

    assertThat(workspaces.delete("123")).isTrue();
    assertThat(workspaces.deleteDataset("d-gone")).isFalse();
    wm.verify(
        deleteRequestedFor(urlPathEqualTo(WORKSPACES + "/123"))
            .withHeader("x-acs-action", equalTo("DeleteWorkspace")));
  }

  @Test
  void invalidSpecFailsBeforeAnyRequest() {
    assertThatThrownBy(
            () ->
                workspaces.ensure(
                    WorkspaceSpec.builder()
                        .name("llm_prod")
                        .addDatasets(
                            DatasetSpec.builder()
                                .name("train")
                                .dataSourceType(DataSourceType.OSS)
                                .uri("oss://llm-bucket/train/")
                                .property(DatasetProperty.DIRECTORY)
                                .build())
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("uri"));
    assertThatThrownBy(() -> workspaces.get(" ")).isInstanceOf(ValidationException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  private static String[] ws(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> workspaceJson(String.valueOf(i), "ws_" + i, "ENABLED"))
        .toArray(String[]::new);
  }
}
