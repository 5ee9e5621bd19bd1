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
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets in docs/workspace.md, compiled and run against WireMock. Keep them in sync. */
class WorkspaceGuideTest {
  @RegisterExtension static WireMockExtension wm = AiWorkspaceStubs.server();

  private static final Pattern SNIPPET =
      Pattern.compile("// \\[(\\w+)]\\n(.*?)\\n\\s*// \\[/\\1]", Pattern.DOTALL);

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
    // [spec]
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
    // [/spec]
    return spec;
  }

  @Test
  void ensure() {
    WorkspaceSpec spec = spec();
    // [ensure]
    WorkspaceClient workspaces = WorkspaceClient.create(pai);

    WorkspacePlan plan = workspaces.plan(spec); // read-only preview
    plan.steps().forEach(step -> System.out.println(step.action() + " " + step.resource()));

    WorkspaceState state = workspaces.ensure(spec); // get-or-create, wait, register datasets
    String workspaceId = state.workspace().id();
    Dataset train = state.dataset("train").orElseThrow();
    System.out.println(workspaceId + " created=" + state.workspaceCreated() + " " + train.id());
    // [/ensure]
    assertThat(plan.hasChanges()).isTrue();
    assertThat(workspaceId).isEqualTo("123");
    assertThat(train.id()).isEqualTo("d-train");
  }

  @Test
  void json() {
    WorkspaceSpec spec = spec();
    // [json]
    String json = spec.toJson(); // store it, diff it, edit it in a portal
    WorkspaceSpec again = WorkspaceSpec.fromJson(json); // validated like build()
    // [/json]
    assertThat(again).isEqualTo(spec);
  }

  @Test
  void progress() {
    List<String> lines = new ArrayList<>();
    // [progress]
    PaiListener printer =
        new PaiListener() {
          @Override
          public void onProgress(ProgressEvent e) {
            lines.add(e.operation() + " " + e.resource() + " " + e.phase());
          }
        };
    // [/progress]
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
  void docsShowExactlyTheseSnippets() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/pailot/core/workspace/WorkspaceGuideTest.java"));
    String docs = Files.readString(Path.of("../docs/workspace.md"));
    Matcher m = SNIPPET.matcher(source);
    int count = 0;
    while (m.find()) {
      count++;
      assertThat(docs)
          .as("docs/workspace.md shows snippet [%s]", m.group(1))
          .contains(dedent(m.group(2)));
    }
    assertThat(count).isEqualTo(6);
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
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
              // [drift]
              try {
                workspaces.ensure(spec);
              } catch (WorkspaceDriftException e) {
                e.drift().forEach(d -> System.err.println(d.describe()));
                throw e;
              }
              // [/drift]
            })
        .isInstanceOf(WorkspaceDriftException.class);
  }

  @Test
  void prices() {
    // [prices]
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
    // [/prices]
    assertThat(spot).isEqualTo("85.00");
    assertThat(onDemand).isEqualTo("260.00");
    assertThat(saved).isEqualTo("175.00");
    assertThat(prices.spotHourly("ecs.gn7i-c8g1.2xlarge")).isEqualTo("0.80");
  }
}
