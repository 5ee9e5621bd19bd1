package dev.pailot.core.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** AIWorkspace JSON bodies and stubs shared by the workspace tests. */
final class AiWorkspaceStubs {
  static final String WORKSPACES = "/api/v1/workspaces";
  static final String DATASETS = "/api/v1/datasets";
  static final String OSS_TRAIN = "oss://llm-bucket.oss-cn-shanghai.aliyuncs.com/datasets/train/";

  private AiWorkspaceStubs() {}

  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
        .build();
  }

  /** The test client every workspace test uses; events land in {@code events}. */
  static Pai pai(WireMockExtension wm, List<ProgressEvent> events) {
    return Pai.builder()
        .region("cn-shanghai")
        .credentials(PaiCredentials.accessKey("LTAI5tTestKeyId", "test-secret"))
        .endpointOverride(URI.create(wm.baseUrl()))
        .retry(
            RetrySettings.builder()
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build())
        .listener(
            new PaiListener() {
              @Override
              public void onProgress(ProgressEvent event) {
                events.add(event);
              }
            })
        .build();
  }

  static List<ProgressEvent> events() {
    return new CopyOnWriteArrayList<>();
  }

  static WorkspaceClient client(Pai pai) {
    return WorkspaceClient.builder(pai)
        .pollDelays(Duration.ofMillis(1), Duration.ofMillis(5))
        .waitTimeout(Duration.ofSeconds(30))
        .build();
  }

  static DatasetSpec trainSpec() {
    return DatasetSpec.builder()
        .name("train")
        .dataSourceType(DataSourceType.OSS)
        .uri(OSS_TRAIN)
        .property(DatasetProperty.DIRECTORY)
        .mountPath("/mnt/data/train/")
        .putLabels("team", "llm")
        .build();
  }

  static DatasetSpec evalSpec() {
    return DatasetSpec.builder()
        .name("eval")
        .dataSourceType(DataSourceType.NAS)
        .uri("nas://0a1b2c3d4e.cn-shanghai/datasets/eval/")
        .property(DatasetProperty.DIRECTORY)
        .build();
  }

  static WorkspaceSpec spec(DatasetSpec... datasets) {
    return WorkspaceSpec.builder()
        .name("llm_prod")
        .displayName("LLM prod")
        .description("LLM fine-tuning and serving")
        .addEnvTypes(EnvType.DEV, EnvType.PROD)
        .addDatasets(datasets)
        .build();
  }

  static String workspaceJson(String id, String name, String status) {
    return "{\"WorkspaceId\":\""
        + id
        + "\",\"WorkspaceName\":\""
        + name
        + "\","
        + "\"DisplayName\":\"LLM prod\",\"Description\":\"LLM fine-tuning and serving\","
        + "\"Status\":\""
        + status
        + "\",\"EnvTypes\":[\"dev\",\"prod\"],"
        + "\"GmtCreateTime\":\"2026-01-12T14:35:01Z\",\"GmtModifiedTime\":\"2026-01-12T14:36:01Z\","
        + "\"Creator\":\"2004110000006048\",\"IsDefault\":false,\"AdminNames\":[\"alice\"]}";
  }

  static String workspaceList(int total, String... items) {
    return "{\"Workspaces\":["
        + String.join(",", items)
        + "],\"TotalCount\":"
        + total
        + ",\"RequestId\":\"req-list\"}";
  }

  static String datasetJson(String id, String name, String uri) {
    return "{\"DatasetId\":\""
        + id
        + "\",\"Name\":\""
        + name
        + "\",\"WorkspaceId\":\"123\","
        + "\"DataSourceType\":\"OSS\",\"Uri\":\""
        + uri
        + "\",\"Property\":\"DIRECTORY\","
        + "\"DataType\":\"COMMON\",\"Options\":\"{\\\"mountPath\\\":\\\"/mnt/data/train/\\\"}\","
        + "\"Description\":\"\",\"Labels\":[{\"Key\":\"team\",\"Value\":\"llm\"}],"
        + "\"GmtCreateTime\":\"2026-01-30T12:51:33.028Z\",\"MountAccess\":\"RW\"}";
  }

  static String datasetList(String... items) {
    return "{\"Datasets\":["
        + String.join(",", items)
        + "],\"TotalCount\":"
        + items.length
        + ",\"RequestId\":\"req-ds\"}";
  }

  static ResponseDefinitionBuilder error(int status, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"Code\":\""
                + code
                + "\",\"Message\":\"stubbed failure\","
                + "\"RequestId\":\"req-err\"}");
  }

  /** ListWorkspaces filtered by the spec's name returns these workspaces. */
  static void listWorkspacesReturns(WireMockExtension wm, String... items) {
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("WorkspaceName", equalTo("llm_prod"))
            .willReturn(okJson(workspaceList(items.length, items))));
  }

  static void getWorkspaceReturns(WireMockExtension wm, String status) {
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES + "/123"))
            .willReturn(okJson(workspaceJson("123", "llm_prod", status))));
  }

  /** ListDatasets for one name returns these datasets. */
  static void listDatasetsReturns(WireMockExtension wm, String name, String... items) {
    wm.stubFor(
        get(urlPathEqualTo(DATASETS))
            .withQueryParam("Name", equalTo(name))
            .willReturn(okJson(datasetList(items))));
  }

  static void createDatasetReturns(WireMockExtension wm, String name, String id) {
    wm.stubFor(
        post(urlPathEqualTo(DATASETS))
            .withRequestBody(matchingJsonPath("$.Name", equalTo(name)))
            .willReturn(okJson("{\"DatasetId\":\"" + id + "\",\"RequestId\":\"req-cd\"}")));
  }

  static String phases(List<ProgressEvent> events, String resource) {
    return events.stream()
        .filter(e -> e.resource().equals(resource))
        .map(ProgressEvent::phase)
        .distinct()
        .collect(Collectors.joining(","));
  }
}
