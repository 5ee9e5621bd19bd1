package dev.pailot.core.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pailot.core.workspace.AiWorkspaceStubs.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.pricing.PriceBook;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets in docs/workspace.md, compiled and run against WireMock. Keep them in sync. */
class WorkspaceGuideTest {
  @RegisterExtension static WireMockExtension wm = AiWorkspaceStubs.server();

  private final List<ProgressEvent> events = AiWorkspaceStubs.events();
  private Pai pai;

  @BeforeEach
  void setUp() {
    pai = AiWorkspaceStubs.pai(wm, events);
    AiWorkspaceStubs.listWorkspacesReturns(wm);
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .willReturn(okJson("{\"WorkspaceId\":\"123\",\"RequestId\":\"r\"}")));
    AiWorkspaceStubs.getWorkspaceReturns(wm, "ENABLED");
    AiWorkspaceStubs.listDatasetsReturns(wm, "train");
    AiWorkspaceStubs.createDatasetReturns(wm, "train", "d-train");
  }

  @AfterEach
  void tearDown() {
    pai.close();
  }

  static WorkspaceSpec spec() {
    // tag::spec[]
    WorkspaceSpec spec =
        WorkspaceSpec.builder()
            .name("llm_prod")
            .displayName("LLM prod")
            .description("LLM fine-tuning and serving")
            .addEnvTypes(EnvType.DEV, EnvType.PROD)
            .addDatasets(
                DatasetSpec.builder()
                    .name("train")
                    .dataSourceType(DataSourceType.OSS)
                    .uri("oss://llm-bucket.oss-cn-shanghai.aliyuncs.com/datasets/train/")
                    .property(DatasetProperty.DIRECTORY)
                    .mountPath("/mnt/data/train/")
                    .putLabels("team", "llm")
                    .build())
            .build();
    // end::spec[]
    return spec;
  }

  @Test
  void ensure() {
    WorkspaceSpec spec = spec();
    // tag::ensure[]
    WorkspaceClient workspaces = WorkspaceClient.create(pai);

    WorkspacePlan plan = workspaces.plan(spec); // read-only preview
    plan.steps().forEach(step -> System.out.println(step.action() + " " + step.resource()));

    WorkspaceState state = workspaces.ensure(spec); // get-or-create, wait, register datasets
    String workspaceId = state.workspace().id();
    Dataset train = state.dataset("train").orElseThrow();
    System.out.println(workspaceId + " created=" + state.workspaceCreated() + " " + train.id());
    // end::ensure[]
    assertThat(plan.hasChanges()).isTrue();
    assertThat(workspaceId).isEqualTo("123");
    assertThat(train.id()).isEqualTo("d-train");
  }

  @Test
  void json() {
    WorkspaceSpec spec = spec();
    // tag::json[]
    String json = spec.toJson(); // store it, diff it, edit it in a portal
    WorkspaceSpec again = WorkspaceSpec.fromJson(json); // validated like build()
    // end::json[]
    assertThat(again).isEqualTo(spec);
  }

  @Test
  void progress() {
    List<String> lines = new ArrayList<>();
    // tag::progress[]
    PaiListener printer =
        new PaiListener() {
          @Override
          public void onProgress(ProgressEvent e) {
            lines.add(e.operation() + " " + e.resource() + " " + e.phase());
          }
        };
    // end::progress[]
    try (Pai withListener =
        Pai.builder()
            .region("cn-shanghai")
            .credentials(PaiCredentials.accessKey("LTAI5tTestKeyId", "test-secret"))
            .endpointOverride(URI.create(wm.baseUrl()))
            .listener(printer)
            .build()) {
      WorkspaceClient.create(withListener).ensure(spec());
    }
    assertThat(lines)
        .containsSubsequence(
            "workspace.ensure workspace/llm_prod CREATING",
            "workspace.ensure workspace/llm_prod CREATED",
            "workspace.ensure workspace/llm_prod ENABLED",
            "workspace.ensure dataset/train CREATED");
  }

  @Test
  void drift() {
    AiWorkspaceStubs.listDatasetsReturns(
        wm,
        "train",
        AiWorkspaceStubs.datasetJson(
            "d-old", "train", "oss://old.oss-cn-shanghai.aliyuncs.com/x/"));
    WorkspaceClient workspaces = WorkspaceClient.create(pai);
    WorkspaceSpec spec = spec();
    assertThatThrownBy(
            () -> {
              // tag::drift[]
              try {
                workspaces.ensure(spec);
              } catch (WorkspaceDriftException e) {
                e.drift().forEach(d -> System.err.println(d.describe()));
                throw e;
              }
              // end::drift[]
            })
        .isInstanceOf(WorkspaceDriftException.class);
  }

  @Test
  void prices() {
    // tag::prices[]
    PriceBook prices =
        PriceBook.defaults()
            .merge(
                PriceBook.fromJson(
                    """
                    {"currency": "USD",
                     "instances": {
                       "ecs.gn7i-c8g1.2xlarge": {"onDemandHourly": 2.65, "spotHourly": 0.80}}}
                    """));
    Duration run = Duration.ofHours(10);
    BigDecimal spot = prices.cost("ecs.gn8v-c82g1.2xlarge", run, true); // 85.00
    BigDecimal onDemand = prices.cost("ecs.gn8v-c82g1.2xlarge", run, false); // 260.00
    BigDecimal saved = prices.savings("ecs.gn8v-c82g1.2xlarge", run); // 175.00
    // end::prices[]
    assertThat(spot).isEqualTo("85.00");
    assertThat(onDemand).isEqualTo("260.00");
    assertThat(saved).isEqualTo("175.00");
    assertThat(prices.spotHourly("ecs.gn7i-c8g1.2xlarge")).isEqualTo("0.80");
  }
}
