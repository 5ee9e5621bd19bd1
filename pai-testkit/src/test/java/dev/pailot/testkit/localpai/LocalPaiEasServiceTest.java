package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiEasServiceTest {
  private static final TestBackends BACKENDS = new TestBackends();
  private static LocalPai localPai;
  private static Pai pai;
  private static EasCalls eas;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions(), List.of(BACKENDS));
    pai = Calls.client(localPai);
    eas = new EasCalls(pai, localPai.region());
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  @Test
  void createAnswersIdAndEndpointsOnLocalPaisOwnPort() {
    JsonNode created = eas.create(EasCalls.spec("svc_create", 1, "registry/app:1"));

    assertThat(created.get("ServiceId").asText()).matches("eas-m-[a-z0-9]{20}");
    assertThat(created.get("ServiceName").asText()).isEqualTo("svc_create");
    assertThat(created.get("Status").asText()).isEqualTo("Creating");
    assertThat(created.get("Region").asText()).isEqualTo("cn-shanghai");
    assertThat(created.get("InternetEndpoint").asText())
        .isEqualTo(localPai.endpoint() + "/api/predict/svc_create");
    assertThat(created.get("IntranetEndpoint").asText())
        .isEqualTo(localPai.endpoint() + "/api/predict/svc_create");
    assertThat(created.get("RequestId").asText()).isNotBlank();
  }

  @Test
  void describeReturnsTheServiceObject() {
    ObjectNode spec = EasCalls.spec("svc_describe", 2, "registry/app:2");
    EasCalls.meta(spec).put("cpu", 2).put("memory", 4000).put("group", "grp_describe");
    eas.create(spec);
    eas.awaitStatus("svc_describe", "Running");

    JsonNode s = eas.describe("svc_describe");
    assertThat(s.get("ServiceName").asText()).isEqualTo("svc_describe");
    assertThat(s.get("ServiceId").asText())
        .startsWith("eas-m-")
        .isEqualTo(s.get("ServiceUid").asText());
    assertThat(s.get("Reason").asText()).isEqualTo("RUNNING");
    assertThat(s.get("AccessToken").asText()).isNotBlank();
    assertThat(s.get("InternetEndpoint").asText()).endsWith("/api/predict/svc_describe");
    assertThat(s.get("TotalInstance").asInt()).isEqualTo(2);
    assertThat(s.get("RunningInstance").asInt()).isEqualTo(2);
    assertThat(s.get("PendingInstance").asInt()).isZero();
    assertThat(s.get("Cpu").asInt()).isEqualTo(2);
    assertThat(s.get("Memory").asInt()).isEqualTo(4000);
    assertThat(s.get("Image").asText()).isEqualTo("registry/app:2");
    assertThat(s.get("CurrentVersion").asInt()).isEqualTo(1);
    assertThat(s.get("LatestVersion").asInt()).isEqualTo(1);
    assertThat(s.get("ServiceGroup").asText()).isEqualTo("grp_describe");
    assertThat(s.get("TrafficState").asText()).isEqualTo("grouping");
    assertThat(s.get("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    JsonNode config = parse(s.get("ServiceConfig").asText());
    assertThat(config.at("/metadata/name").asText()).isEqualTo("svc_describe");
    assertThat(config.at("/containers/0/image").asText()).isEqualTo("registry/app:2");
  }

  @Test
  void newServiceAnswers503UntilItsReplicaHasLoadedThen200() {
    eas.create(EasCalls.spec("svc_slow", 1, TestBackends.image(1_500)));
    JsonNode s = eas.describe("svc_slow");
    URI endpoint = URI.create(s.get("InternetEndpoint").asText());
    String token = s.get("AccessToken").asText();
    assertThat(s.get("Status").asText()).isIn("Creating", "Waiting");

    HttpResponse<String> early = EasCalls.get(endpoint, token);
    assertThat(early.statusCode()).isEqualTo(503);
    assertThat(early.body()).isEqualTo("no healthy upstream");

    eas.awaitStatus("svc_slow", "Running");
    HttpResponse<String> ready = EasCalls.get(endpoint, token);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(parse(ready.body()).get("service").asText()).isEqualTo("svc_slow");
  }

  @Test
  void eventsTellTheLifecycle() {
    eas.create(EasCalls.spec("svc_events", 1, "registry/app:1"));
    eas.awaitStatus("svc_events", "Running");

    JsonNode events = eas.get("DescribeServiceEvent", "svc_events", "/events", Map.of());
    List<String> reasons = new ArrayList<>();
    events.get("Events").forEach(e -> reasons.add(e.get("Reason").asText()));
    assertThat(reasons).containsSubsequence("Creating", "Running");
    JsonNode first = events.at("/Events/0");
    assertThat(first.get("Time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(first.get("Type").asText()).isEqualTo("Normal");
    assertThat(first.get("Resource").asText()).isEqualTo("Service");
    assertThat(parse(first.get("Message").asText()).has("availableInstance")).isTrue();
    assertThat(events.get("TotalCount").asInt()).isEqualTo(reasons.size());
    assertThat(events.get("PageNum").asInt()).isEqualTo(1);
  }

  @Test
  void invalidSpecsAreRefusedNamingTheKey() {
    assertInvalid(s -> EasCalls.meta(s).put("name", "Bad-Name"), "metadata.name");
    assertInvalid(s -> EasCalls.meta(s).remove("name"), "metadata.name");
    assertInvalid(s -> EasCalls.meta(s).put("instance", -1), "metadata.instance");
    assertInvalid(s -> EasCalls.meta(s).put("instance", "two"), "metadata.instance");
    assertInvalid(s -> s.remove("cloud"), "cloud.computing.instance_type");
    assertInvalid(
        s -> ((ObjectNode) s.at("/cloud/computing")).put("instance_type", "large"),
        "cloud.computing.instance_type");
    assertInvalid(s -> EasCalls.meta(s).put("resource", "eas-r-abc"), "metadata.resource");
    assertInvalid(s -> ((ObjectNode) s.at("/containers/0")).remove("image"), "containers[].image");
    assertInvalid(s -> ((ObjectNode) s.at("/containers/0")).remove("port"), "containers[].port");
    assertInvalid(
        s -> ((ObjectNode) s.at("/containers/0")).put("port", 70000), "containers[].port");
    assertInvalid(s -> s.remove("containers"), "containers");
  }

  private static void assertInvalid(Consumer<ObjectNode> breakIt, String key) {
    ObjectNode spec = EasCalls.spec("svc_invalid", 1, "registry/app:1");
    breakIt.accept(spec);
    assertThatThrownBy(() -> eas.create(spec))
        .as(key)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(key);
  }

  @Test
  void legacyTopLevelNameAndDedicatedResourcesAreAccepted() {
    ObjectNode spec = EasCalls.JSON.createObjectNode().put("name", "svc_legacy");
    spec.putObject("metadata")
        .put("instance", 1)
        .put("resource", "eas-r-abc")
        .put("cpu", 1)
        .put("memory", 1000);
    spec.put("processor", "pmml");
    eas.create(spec);
    assertThat(
            parse(eas.describe("svc_legacy").get("ServiceConfig").asText())
                .at("/metadata/name")
                .asText())
        .isEqualTo("svc_legacy");
  }

  @Test
  void nameIsUniquePerRegion() {
    eas.create(EasCalls.spec("svc_unique", 1, "registry/app:1"));
    assertThatThrownBy(() -> eas.create(EasCalls.spec("svc_unique", 1, "registry/app:1")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("svc_unique")
        .hasMessageContaining("already exists");
  }

  @Test
  void unknownServiceIsNotFound() {
    assertThatThrownBy(() -> eas.describe("svc_missing"))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("InvalidService.NotFound"));
  }

  @Test
  void stopStartAndDelete() {
    eas.create(EasCalls.spec("svc_cycle", 1, "registry/app:1"));
    eas.awaitStatus("svc_cycle", "Running");
    URI endpoint = URI.create(localPai.endpoint() + "/api/predict/svc_cycle");
    String token = eas.describe("svc_cycle").get("AccessToken").asText();

    JsonNode stopped = eas.put("StopService", "svc_cycle", "/stop", null);
    assertThat(stopped.get("Message").asText())
        .isEqualTo("Service [svc_cycle] in region [cn-shanghai] is stopping");
    assertThat(eas.status("svc_cycle")).isIn("Stopping", "Stopped");
    eas.awaitStatus("svc_cycle", "Stopped");
    assertThat(EasCalls.get(endpoint, token).statusCode()).isEqualTo(503);
    assertThat(eas.describe("svc_cycle").get("RunningInstance").asInt()).isZero();

    eas.put("StartService", "svc_cycle", "/start", null);
    assertThat(eas.status("svc_cycle")).isIn("Starting", "Running");
    eas.awaitStatus("svc_cycle", "Running");
    EasCalls.await(() -> EasCalls.get(endpoint, token).statusCode() == 200, "gateway 200");

    JsonNode deleted = eas.delete("DeleteService", "svc_cycle", "", Map.of());
    assertThat(deleted.get("Message").asText()).contains("is deleting");
    EasCalls.await(() -> eas.gone("svc_cycle"), "deleted service to be gone");
    assertThat(EasCalls.get(endpoint, token).statusCode()).isEqualTo(404);
  }

  @Test
  void listFiltersSortsAndPages() {
    for (int i = 0; i < 3; i++) {
      ObjectNode spec = EasCalls.spec("lst_item_" + i, 1, "registry/app:1");
      EasCalls.meta(spec).put("group", i == 0 ? "lst_grp" : "lst_other");
      eas.create(spec);
    }
    JsonNode all = eas.list(Map.of("Filter", "lst_item_", "Order", "asc"));
    assertThat(all.get("TotalCount").asInt()).isEqualTo(3);
    assertThat(all.get("PageNumber").asInt()).isEqualTo(1);
    assertThat(all.get("PageSize").asInt()).isEqualTo(100);
    assertThat(all.at("/Services/0/ServiceName").asText()).isEqualTo("lst_item_0");
    assertThat(all.at("/Services/0").has("InternetEndpoint")).isFalse();

    JsonNode page = eas.list(Map.of("Filter", "lst_item_", "PageSize", "2", "PageNumber", "2"));
    assertThat(page.get("Services")).hasSize(1);
    assertThat(page.at("/Services/0/ServiceName").asText()).isEqualTo("lst_item_0");

    JsonNode grouped = eas.list(Map.of("GroupName", "lst_grp"));
    assertThat(grouped.get("TotalCount").asInt()).isEqualTo(1);
    assertThatThrownBy(() -> eas.list(Map.of("Order", "sideways")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Order");
  }

  @Test
  void endpointsDescribeServiceAndGroupPaths() {
    ObjectNode spec = EasCalls.spec("svc_endpoints", 1, "registry/app:1");
    EasCalls.meta(spec).put("group", "grp_endpoints");
    eas.create(spec);
    JsonNode e = eas.get("DescribeServiceEndpoints", "svc_endpoints", "/endpoints", Map.of());
    assertThat(e.get("AccessToken").asText()).isNotBlank();
    assertThat(e.at("/Endpoints/0/EndpointType").asText()).isEqualTo("DefaultGateway");
    assertThat(e.at("/Endpoints/0/BackendId").asText()).isEqualTo("default");
    assertThat(e.at("/Endpoints/0/PathType").asText()).isEqualTo("Service");
    assertThat(e.at("/Endpoints/0/InternetEndpoints/0").asText())
        .endsWith("/api/predict/svc_endpoints");
    assertThat(e.at("/Endpoints/1/PathType").asText()).isEqualTo("Group");
    assertThat(e.at("/Endpoints/1/IntranetEndpoints/0").asText())
        .endsWith("/api/predict/grp_endpoints");
  }

  static JsonNode parse(String json) {
    try {
      return EasCalls.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
