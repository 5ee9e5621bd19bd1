package dev.pailot.core.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.core.workspace.AiWorkspaceStubs.DATASETS;
import static dev.pailot.core.workspace.AiWorkspaceStubs.WORKSPACES;
import static dev.pailot.core.workspace.AiWorkspaceStubs.createDatasetReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.datasetJson;
import static dev.pailot.core.workspace.AiWorkspaceStubs.error;
import static dev.pailot.core.workspace.AiWorkspaceStubs.evalSpec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.getWorkspaceReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.listDatasetsReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.listWorkspacesReturns;
import static dev.pailot.core.workspace.AiWorkspaceStubs.spec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.trainSpec;
import static dev.pailot.core.workspace.AiWorkspaceStubs.workspaceJson;
import static dev.pailot.core.workspace.AiWorkspaceStubs.workspaceList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import dev.pailot.core.event.ProgressEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Failures during ensure: ambiguous creates, bad workspace states, timeouts, dataset drift. */
class WorkspaceRecoveryTest {
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
  void createWorkspace5xxIsNotResentWhenLookupFindsTheWorkspace() {
    // PAI created the workspace but answered 500: the lookup finds it, so no second POST.
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .inScenario("ambiguous")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(500, "InternalError"))
            .willSetStateTo("created"));
    listInScenario(STARTED, workspaceList(0));
    listInScenario("created", workspaceList(1, workspaceJson("123", "llm_prod", "ENABLED")));
    getWorkspaceReturns(wm, "ENABLED");

    WorkspaceState state = workspaces.ensure(spec());

    wm.verify(1, postRequestedFor(urlPathEqualTo(WORKSPACES)));
    assertThat(state.workspace().id()).isEqualTo("123");
    assertThat(state.workspaceCreated()).isTrue();
  }

  @Test
  void createWorkspace5xxIsResentOnlyAfterALookupFindsNothing() {
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .inScenario("lost")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(503, "ServiceUnavailable"))
            .willSetStateTo("retrying"));
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .inScenario("lost")
            .whenScenarioStateIs("retrying")
            .willReturn(okJson("{\"WorkspaceId\":\"123\",\"RequestId\":\"req-cw\"}")));
    listWorkspacesReturns(wm);
    getWorkspaceReturns(wm, "ENABLED");

    WorkspaceState state = workspaces.ensure(spec());

    assertThat(state.workspace().id()).isEqualTo("123");
    // WireMock lists serve events newest first.
    List<String> calls =
        new ArrayList<>(
            wm.getAllServeEvents().stream()
                .map(WorkspaceRecoveryTest::call)
                .filter(c -> !c.startsWith("GET " + WORKSPACES + "/"))
                .toList());
    Collections.reverse(calls);
    assertThat(calls)
        .containsExactly(
            "GET " + WORKSPACES, "POST " + WORKSPACES, "GET " + WORKSPACES, "POST " + WORKSPACES);
  }

  @Test
  void createConflictMeansSomeoneElseCreatedItAndIsAnsweredByALookup() {
    wm.stubFor(
        post(urlPathEqualTo(WORKSPACES))
            .inScenario("ambiguous")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(409, "WorkspaceAlreadyExists"))
            .willSetStateTo("created"));
    listInScenario(STARTED, workspaceList(0));
    listInScenario("created", workspaceList(1, workspaceJson("123", "llm_prod", "ENABLED")));
    getWorkspaceReturns(wm, "ENABLED");

    WorkspaceState state = workspaces.ensure(spec());

    wm.verify(1, postRequestedFor(urlPathEqualTo(WORKSPACES)));
    assertThat(state.workspace().id()).isEqualTo("123");
    assertThat(state.workspaceCreated()).isFalse();
  }

  @Test
  void createWorkspaceThatKeepsFailingSurfacesTheErrorAfterBoundedAttempts() {
    wm.stubFor(post(urlPathEqualTo(WORKSPACES)).willReturn(error(503, "ServiceUnavailable")));
    listWorkspacesReturns(wm);

    assertThatThrownBy(() -> workspaces.ensure(spec()))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("CreateWorkspace");
    // One POST per attempt of the client's RetrySettings (default 5), each after a lookup.
    wm.verify(5, postRequestedFor(urlPathEqualTo(WORKSPACES)));
  }

  @Test
  void createDataset5xxIsRecoveredByLookingTheDatasetUp() {
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "ENABLED"));
    getWorkspaceReturns(wm, "ENABLED");
    wm.stubFor(
        get(urlPathEqualTo(DATASETS))
            .inScenario("ds")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(AiWorkspaceStubs.datasetList())));
    wm.stubFor(
        post(urlPathEqualTo(DATASETS))
            .inScenario("ds")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("created"));
    wm.stubFor(
        get(urlPathEqualTo(DATASETS))
            .inScenario("ds")
            .whenScenarioStateIs("created")
            .willReturn(
                okJson(
                    AiWorkspaceStubs.datasetList(
                        datasetJson("d-train", "train", AiWorkspaceStubs.OSS_TRAIN)))));

    WorkspaceState state = workspaces.ensure(spec(trainSpec()));

    wm.verify(1, postRequestedFor(urlPathEqualTo(DATASETS)));
    assertThat(state.dataset("train").orElseThrow().id()).isEqualTo("d-train");
    assertThat(state.createdDatasets()).containsExactly("train");
  }

  @Test
  void waiterFailsFastWhenTheWorkspaceFails() {
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "INITIALIZING"));
    getWorkspaceReturns(wm, "FAILURE");

    assertThatThrownBy(() -> workspaces.ensure(spec(trainSpec())))
        .isInstanceOf(WaiterUnrecoverableStateException.class)
        .hasMessageContaining("123")
        .hasMessageContaining("FAILURE")
        .hasMessageContaining("Fix:");
    wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES + "/123")));
    wm.verify(0, getRequestedFor(urlPathEqualTo(DATASETS)));
  }

  @Test
  void waiterTimesOutWhenTheWorkspaceStaysInitializing() {
    WorkspaceClient impatient =
        WorkspaceClient.builder(pai)
            .pollDelays(Duration.ofMillis(5), Duration.ofMillis(20))
            .waitTimeout(Duration.ofMillis(300))
            .build();
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "INITIALIZING"));
    getWorkspaceReturns(wm, "INITIALIZING");

    assertThatThrownBy(() -> impatient.ensure(spec()))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("INITIALIZING")
        .hasMessageContaining("Raise the timeout");
    wm.verify(0, postRequestedFor(urlPathEqualTo(DATASETS)));
  }

  @Test
  void existingDatasetWithAnotherUriFailsEnsureBeforeAnyDatasetIsCreated() {
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "ENABLED"));
    getWorkspaceReturns(wm, "ENABLED");
    String elsewhere = "oss://other-bucket.oss-cn-shanghai.aliyuncs.com/old/";
    listDatasetsReturns(wm, "train", datasetJson("d-old", "train", elsewhere));
    listDatasetsReturns(wm, "eval");
    createDatasetReturns(wm, "eval", "d-eval");

    assertThatThrownBy(() -> workspaces.ensure(spec(trainSpec(), evalSpec())))
        .isInstanceOfSatisfying(
            WorkspaceDriftException.class,
            e -> {
              assertThat(e.drift())
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.resource()).isEqualTo("dataset/train");
                        assertThat(d.field()).isEqualTo("uri");
                        assertThat(d.actual()).isEqualTo(elsewhere);
                      });
              assertThat(e.getMessage()).contains("d-old").contains("Fix:");
            });
    wm.verify(0, postRequestedFor(urlPathEqualTo(DATASETS)));
    assertThat(events).anyMatch(e -> e.phase().equals("DRIFT"));
  }

  @Test
  void planReportsCreateUnchangedAndDriftWithoutWriting() {
    listWorkspacesReturns(wm, workspaceJson("123", "llm_prod", "ENABLED"));
    getWorkspaceReturns(wm, "ENABLED");
    listDatasetsReturns(
        wm, "train", datasetJson("d-old", "train", "oss://b-1.oss-cn-shanghai.aliyuncs.com/x/"));
    listDatasetsReturns(wm, "eval");

    WorkspacePlan plan = workspaces.plan(spec(trainSpec(), evalSpec()));

    assertThat(plan.workspaceId()).hasValue("123");
    assertThat(plan.steps())
        .extracting(PlanStep::resource, PlanStep::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("workspace/llm_prod", PlanAction.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("dataset/train", PlanAction.DRIFT),
            org.assertj.core.groups.Tuple.tuple("dataset/eval", PlanAction.CREATE));
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.blocked()).isTrue();
    wm.verify(0, postRequestedFor(urlPathEqualTo(WORKSPACES)));
    wm.verify(0, postRequestedFor(urlPathEqualTo(DATASETS)));
  }

  @Test
  void planForAMissingWorkspaceListsOnlyCreates() {
    listWorkspacesReturns(wm);

    WorkspacePlan plan = workspaces.plan(spec(trainSpec()));

    assertThat(plan.workspaceId()).isEmpty();
    assertThat(plan.steps()).extracting(PlanStep::action).containsOnly(PlanAction.CREATE);
    assertThat(plan.drift()).isEmpty();
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void noCredentialAppearsInLogsEventsOrErrors() {
    Logger pailot = (Logger) LoggerFactory.getLogger("dev.pailot");
    Level before = pailot.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    pailot.addAppender(logs);
    pailot.setLevel(Level.TRACE);
    pailot.setAdditive(false); // capture, without printing to the console
    try {
      wm.stubFor(post(urlPathEqualTo(WORKSPACES)).willReturn(error(500, "InternalError")));
      listWorkspacesReturns(wm);
      Throwable failure = catchThrowable(() -> workspaces.ensure(spec(trainSpec())));

      StringBuilder seen = new StringBuilder(String.valueOf(failure));
      for (Throwable t = failure; t != null; t = t.getCause()) {
        seen.append(t.getMessage());
      }
      logs.list.forEach(e -> seen.append(e.getFormattedMessage()).append(e.getThrowableProxy()));
      events.forEach(seen::append);
      assertThat(logs.list).isNotEmpty();
      assertThat(seen.toString()).doesNotContain("test-secret").doesNotContain("LTAI5tTestKeyId");
    } finally {
      pailot.detachAppender(logs);
      pailot.setLevel(before);
      pailot.setAdditive(true);
    }
  }

  private static void listInScenario(String state, String body) {
    wm.stubFor(
        get(urlPathEqualTo(WORKSPACES))
            .withQueryParam("WorkspaceName", equalTo("llm_prod"))
            .inScenario("ambiguous")
            .whenScenarioStateIs(state)
            .willReturn(okJson(body)));
  }

  private static String call(ServeEvent e) {
    return e.getRequest().getMethod() + " " + e.getRequest().getUrl().replaceAll("\\?.*", "");
  }
}
