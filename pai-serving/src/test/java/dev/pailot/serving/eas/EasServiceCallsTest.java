package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.testkit.PaiMockServer;
import dev.pailot.testkit.PaiStubs;
import dev.pailot.testkit.stubs.EasServiceFixture;
import dev.pailot.testkit.stubs.EasStubs;
import dev.pailot.testkit.stubs.ErrorResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Request shapes, mapping and errors of the EAS service operations. */
@PaiMockServer
class EasServiceCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void createSendsTheSpecAsTheRawBodyAndReadsTheServiceBack(Pai pai, PaiStubs stubs)
      throws Exception {
    stubs.eas().createService("qwen_chat");
    stubs.eas().describeService(EasServiceFixture.of("qwen_chat", "Creating"));
    ServiceSpec spec =
        Specs.vllm("qwen_chat").toBuilder()
            .metadata(Specs.vllm("qwen_chat").metadata().toBuilder().workspaceId("ws-1").build())
            .build();

    EasService created = EasClient.create(pai).createService(spec);

    assertThat(created.status()).isEqualTo(ServiceStatus.CREATING);
    var call =
        stubs
            .calls()
            .single("CreateService")
            .assertMethod("POST")
            .assertPath("/api/v2/services")
            .assertQueryParam("WorkspaceId", "ws-1")
            .assertVersion("2021-07-01");
    assertThat(JSON.readTree(call.body())).isEqualTo(spec.toJsonNode());
  }

  @Test
  void createWithLabelsSendsThemAsOneJsonMapInTheLabelsQueryParameter(Pai pai, PaiStubs stubs)
      throws Exception {
    stubs.eas().createService("qwen_v2");
    stubs.eas().describeService(EasServiceFixture.of("qwen_v2", "Creating"));
    ServiceSpec spec = Specs.vllm("qwen_v2");
    Map<String, String> labels = Map.of("pailot-release-role", "green", "team", "llm platform");

    EasService created = EasClient.create(pai).createService(spec, labels);

    assertThat(created.name()).isEqualTo("qwen_v2");
    var call =
        stubs
            .calls()
            .single("CreateService")
            .assertMethod("POST")
            .assertPath("/api/v2/services")
            .assertNoQueryParam("WorkspaceId");
    // PAI_API.md 3.1: Labels is a map sent as one JSON string.
    String sent = call.queryParam("Labels").orElseThrow();
    assertThat(JSON.readValue(sent, new TypeReference<Map<String, String>>() {})).isEqualTo(labels);
    assertThat(JSON.readTree(call.body())).isEqualTo(spec.toJsonNode());

    stubs.server().resetRequests();
    EasClient.create(pai).createService(spec, Map.of());
    stubs.calls().single("CreateService").assertNoQueryParam("Labels");
    stubs.server().resetRequests();
    EasClient.create(pai).createService(spec);
    stubs.calls().single("CreateService").assertNoQueryParam("Labels");
  }

  @Test
  void describeMapsTheServiceObjectAndRedactsTheToken(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeService(
            EasServiceFixture.of("qwen_chat", "Running")
                .withVersions(3, 4)
                .inGroup("qwen_grp", 90, "grouping"));

    EasService s = EasClient.create(pai).describeService("qwen_chat");

    assertThat(s.status()).isEqualTo(ServiceStatus.RUNNING);
    assertThat(s.currentVersion()).isEqualTo(3);
    assertThat(s.latestVersion()).hasValue(4);
    assertThat(s.runningInstance()).isEqualTo(1);
    assertThat(s.serviceGroup()).hasValue("qwen_grp");
    assertThat(s.weight()).hasValue(90);
    assertThat(s.trafficState()).hasValue(TrafficState.GROUPING);
    assertThat(s.accessToken()).hasValue("token-qwen_chat");
    assertThat(s.internetEndpoint()).get().asString().endsWith("/api/predict/qwen_chat");
    assertThat(s.createdAt()).hasValue(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(s.spec()).get().extracting(ServiceSpec::name).isEqualTo("qwen_chat");
    assertThat(s.toString()).doesNotContain("token-qwen_chat");
    stubs
        .calls()
        .single("DescribeService")
        .assertMethod("GET")
        .assertPath("/api/v2/services/cn-shanghai/qwen_chat");
  }

  @Test
  void aMissingServiceIsNotFoundNamingIt(Pai pai, PaiStubs stubs) {
    stubs.eas().serviceNotFound("nope");

    assertThatThrownBy(() -> EasClient.create(pai).describeService("nope"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("\"nope\"")
        .hasMessageContaining("InvalidService.NotFound");
  }

  @Test
  void deleteOfAMissingServiceReportsFalse(Pai pai, PaiStubs stubs) {
    stubs
        .faults()
        .fail(
            "DeleteService",
            ErrorResponse.of(404, "InvalidService.NotFound", "Service [x] is not found."));

    assertThat(EasClient.create(pai).deleteService("x")).isFalse();
  }

  @Test
  void listPagesLazily(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .listServicesPage(
            1, 3, EasServiceFixture.of("a", "Running"), EasServiceFixture.of("b", "Stopped"));
    stubs.eas().listServicesPage(2, 3, EasServiceFixture.of("c", "Failed"));
    ServiceFilter filter =
        ServiceFilter.builder()
            .pageSize(2)
            .group("grp")
            .status(ServiceStatus.RUNNING)
            .putLabels("team", "ml")
            .build();

    Stream<EasService> stream = EasClient.create(pai).listServices(filter);
    assertThat(stubs.calls().count("ListServices")).isZero();
    List<String> first = stream.limit(2).map(EasService::name).toList();
    assertThat(stubs.calls().count("ListServices")).isEqualTo(1);
    List<EasService> all = EasClient.create(pai).listServices(filter).toList();

    assertThat(first).containsExactly("a", "b");
    assertThat(all).extracting(EasService::name).containsExactly("a", "b", "c");
    assertThat(all.get(2).status()).isEqualTo(ServiceStatus.FAILED);
    stubs
        .calls()
        .last("ListServices")
        .assertQueryParam("PageNumber", "2")
        .assertQueryParam("PageSize", "2")
        .assertQueryParam("GroupName", "grp")
        .assertQueryParam("ServiceStatus", "Running")
        .assertQueryParam("Label", "{\"team\":\"ml\"}");
  }

  @Test
  void updatesMergeOrReplaceWithTheRawSpec(Pai pai, PaiStubs stubs) throws Exception {
    stubs.eas().write("UpdateService", "qwen_chat");
    EasClient eas = EasClient.create(pai);
    ServiceSpec spec = Specs.vllm("qwen_chat");

    eas.updateService("qwen_chat", spec);
    eas.replaceService("qwen_chat", spec);

    var calls = stubs.calls().ofAction("UpdateService");
    assertThat(calls).hasSize(2);
    calls.get(0).assertMethod("PUT").assertQueryParam("UpdateType", "merge");
    calls.get(1).assertQueryParam("UpdateType", "replace");
    assertThat(JSON.readTree(calls.get(1).body())).isEqualTo(spec.toJsonNode());
  }

  @Test
  void lifecycleActionsHitTheirPathsWithTheirBodies(Pai pai, PaiStubs stubs) {
    for (String action :
        List.of(
            "StartService",
            "StopService",
            "RestartService",
            "ScaleService",
            "UpdateServiceVersion",
            "ReleaseService",
            "DeleteService")) {
      stubs.eas().write(action, "svc");
    }
    EasClient eas = EasClient.create(pai);

    eas.startService("svc");
    eas.stopService("svc");
    eas.restartService("svc");
    eas.scaleService("svc", 3);
    eas.rollbackToVersion("svc", 2);
    eas.releaseService("svc", TrafficState.GROUPING, 250);
    assertThat(eas.deleteService("svc")).isTrue();

    stubs.calls().single("StartService").assertMethod("PUT").assertEmptyBody();
    stubs.calls().single("StopService").assertPath("/api/v2/services/cn-shanghai/svc/stop");
    stubs.calls().single("RestartService").assertPath("/api/v2/services/cn-shanghai/svc/restart");
    stubs.calls().single("ScaleService").assertJsonBody("{\"Instance\":3}");
    stubs.calls().single("UpdateServiceVersion").assertJsonBody("{\"Version\":2}");
    stubs
        .calls()
        .single("ReleaseService")
        .assertJsonBody("{\"TrafficState\":\"grouping\",\"Weight\":250}");
    stubs.calls().single("DeleteService").assertMethod("DELETE");
    stubs.calls().assertAllMatched();
  }

  @Test
  void badArgumentsFailBeforeAnyCall(Pai pai, PaiStubs stubs) {
    EasClient eas = EasClient.create(pai);

    assertThatThrownBy(() -> eas.scaleService("svc", -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("instances");
    assertThatThrownBy(() -> eas.releaseService("svc", TrafficState.GROUPING, 1001))
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> eas.rollbackToVersion("svc", 0)).hasMessageContaining("version");
    assertThatThrownBy(() -> eas.describeService(" ")).hasMessageContaining("name");
    assertThat(stubs.calls().all()).isEmpty();
  }

  @Test
  void versionsMapEveryVersionNewestFirst(Pai pai, PaiStubs stubs) {
    String v2 = Specs.vllm("svc").toJson();
    String v1 = "{\"metadata\":{\"name\":\"svc\"},\"processor\":\"pmml\"}";
    stubs.eas().listServiceVersions("svc", v2, v1);

    List<ServiceVersion> versions = EasClient.create(pai).listVersions("svc");

    assertThat(versions).extracting(ServiceVersion::version).containsExactly(2, 1);
    assertThat(versions.get(0).spec()).hasValue(Specs.vllm("svc"));
    assertThat(versions.get(0).imageAvailable()).hasValue("true");
  }

  @Test
  void eventsAndDiagnosisAreTyped(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeServiceEvents(
            "svc",
            new EasStubs.Event("2026-01-01 10:00:00", "Normal", "Creating", "created"),
            new EasStubs.Event("2026-01-01 10:01:00", "Warning", "Failed", "crashed"));
    stubs.eas().describeServiceDiagnosis("svc", "Container crashed", "OOM", "Use more memory");
    EasClient eas = EasClient.create(pai);

    List<ServiceEvent> events =
        eas.describeServiceEvents("svc", Instant.parse("2026-01-01T09:00:00Z"));
    List<ServiceDiagnosis> diagnosis = eas.describeServiceDiagnosis("svc");

    assertThat(events).hasSize(2);
    assertThat(events.get(1).warning()).isTrue();
    assertThat(events.get(1).time()).hasValue(Instant.parse("2026-01-01T10:01:00Z"));
    assertThat(diagnosis.get(0).advices()).containsExactly("Use more memory");
    stubs
        .calls()
        .single("DescribeServiceEvent")
        .assertQueryParam("StartTime", "2026-01-01 09:00:00")
        .assertQueryParam("PageNum", "1");
  }

  @Test
  void throttledCreateIsRetriedButA5xxCreateIsNot(Pai pai, PaiStubs stubs) {
    stubs.eas().createService("svc");
    stubs.eas().describeService(EasServiceFixture.of("svc", "Creating"));
    stubs.faults().throttle("CreateService", 2, Duration.ofMillis(1));
    EasClient eas = EasClient.create(pai);

    eas.createService(Specs.vllm("svc"));
    assertThat(stubs.calls().count("CreateService")).isEqualTo(3);

    stubs.server().resetAll();
    stubs.faults().serviceUnavailable("CreateService", 1);
    assertThatThrownBy(() -> eas.createService(Specs.vllm("svc")))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(stubs.calls().count("CreateService")).isEqualTo(1);
  }

  @Test
  void idempotentCallsAreRetriedOn5xx(Pai pai, PaiStubs stubs) {
    stubs.eas().describeService(EasServiceFixture.of("svc", "Running"));
    stubs.faults().serviceUnavailable("DescribeService", 2);

    assertThat(EasClient.create(pai).describeService("svc").status())
        .isEqualTo(ServiceStatus.RUNNING);
    assertThat(stubs.calls().count("DescribeService")).isEqualTo(3);
  }

  @Test
  void persistentThrottlingSurfacesAsThrottling(Pai pai, PaiStubs stubs) {
    stubs.faults().throttle("ScaleService", 10, Duration.ofMillis(1));

    assertThatThrownBy(() -> EasClient.create(pai).scaleService("svc", 2))
        .isInstanceOf(ThrottlingException.class);
  }

  @Test
  void aDuplicateNameIsAConflict(Pai pai, PaiStubs stubs) {
    stubs
        .faults()
        .fail(
            "CreateService",
            ErrorResponse.of(409, "InvalidParameter", "Service [svc] already exists."));

    assertThatThrownBy(() -> EasClient.create(pai).createService(Specs.vllm("svc")))
        .isInstanceOf(ConflictException.class);
  }
}
