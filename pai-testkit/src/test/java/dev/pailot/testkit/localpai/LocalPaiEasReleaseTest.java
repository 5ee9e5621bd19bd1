package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.LocalPaiEasServiceTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Versions, rollback, groups with release weights and traffic mirroring. */
class LocalPaiEasReleaseTest {
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

  private static URI endpoint(String path) {
    return URI.create(localPai.endpoint() + "/api/predict/" + path);
  }

  private static String running(ObjectNode spec) {
    String name = spec.at("/metadata/name").asText();
    eas.create(spec);
    eas.awaitStatus(name, "Running");
    return eas.describe(name).get("AccessToken").asText();
  }

  private static int versionServed(String name, String token) {
    return parse(EasCalls.get(endpoint(name), token).body()).get("version").asInt();
  }

  @Test
  void mergeUpdateMakesANewVersionAndRollbackReturnsToTheOldOne() {
    String token = running(EasCalls.spec("rel_versions", 1, TestBackends.image(0)));
    ObjectNode patch = EasCalls.JSON.createObjectNode();
    patch.putArray("containers").addObject().put("image", TestBackends.image(1)).put("port", 8000);
    patch.putObject("metadata").putObject("rpc").put("keepalive", 60000);

    JsonNode answer = eas.update("rel_versions", "merge", patch);
    assertThat(answer.get("Message").asText()).contains("rel_versions").contains("updating");
    assertThat(eas.status("rel_versions")).isIn("Updating", "Running");
    eas.awaitStatus("rel_versions", "Running");
    JsonNode s = eas.describe("rel_versions");
    assertThat(s.get("LatestVersion").asInt()).isEqualTo(2);
    assertThat(s.get("CurrentVersion").asInt()).isEqualTo(2);
    JsonNode config = parse(s.get("ServiceConfig").asText());
    assertThat(config.at("/containers/0/image").asText()).isEqualTo(TestBackends.image(1));
    assertThat(config.at("/metadata/rpc/keepalive").asInt()).isEqualTo(60000);
    assertThat(config.at("/cloud/computing/instance_type").asText()).isEqualTo("ecs.c7.large");
    EasCalls.await(() -> versionServed("rel_versions", token) == 2, "version 2 to serve");

    eas.put(
        "UpdateServiceVersion",
        "rel_versions",
        "/version",
        EasCalls.JSON.createObjectNode().put("Version", 1));
    eas.awaitStatus("rel_versions", "Running");
    assertThat(eas.describe("rel_versions").get("CurrentVersion").asInt()).isEqualTo(1);
    assertThat(eas.describe("rel_versions").get("LatestVersion").asInt()).isEqualTo(2);
    EasCalls.await(() -> versionServed("rel_versions", token) == 1, "version 1 to serve again");

    JsonNode versions = eas.get("ListServiceVersions", "rel_versions", "/versions", Map.of());
    assertThat(versions.get("TotalCount").asInt()).isEqualTo(2);
    assertThat(versions.at("/Versions/0/ImageId").asInt()).isEqualTo(2);
    assertThat(versions.at("/Versions/1/ImageAvailable").asText()).isEqualTo("true");
    assertThatThrownBy(
            () ->
                eas.put(
                    "UpdateServiceVersion",
                    "rel_versions",
                    "/version",
                    EasCalls.JSON.createObjectNode().put("Version", 3)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Version");
  }

  @Test
  void replaceUpdateReplacesTheWholeSpec() {
    ObjectNode spec = EasCalls.spec("rel_replace", 1, "registry/app:1");
    EasCalls.meta(spec).putObject("rpc").put("keepalive", 5000);
    running(spec);
    eas.update("rel_replace", "replace", EasCalls.spec("rel_replace", 1, "registry/app:2"));
    JsonNode config = parse(eas.describe("rel_replace").get("ServiceConfig").asText());
    assertThat(config.at("/containers/0/image").asText()).isEqualTo("registry/app:2");
    assertThat(config.at("/metadata").has("rpc")).isFalse();
    assertThatThrownBy(
            () ->
                eas.update(
                    "rel_replace", "replace", EasCalls.spec("other_name", 1, "registry/app:2")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void bodyWithOnlyTheInstanceCountScalesWithoutANewVersion() {
    running(EasCalls.spec("rel_scale", 1, "registry/app:1"));
    ObjectNode body = EasCalls.JSON.createObjectNode();
    body.putObject("metadata").put("instance", 3);
    eas.update("rel_scale", null, body);
    eas.awaitStatus("rel_scale", "Running");
    JsonNode s = eas.describe("rel_scale");
    assertThat(s.get("LatestVersion").asInt()).isEqualTo(1);
    assertThat(s.get("TotalInstance").asInt()).isEqualTo(3);
    assertThat(s.get("RunningInstance").asInt()).isEqualTo(3);
    assertThat(parse(s.get("ServiceConfig").asText()).at("/metadata/instance").asInt())
        .isEqualTo(3);
  }

  @Test
  void errorFaultForOneVersionIsCuredByRollback() {
    String token = running(EasCalls.spec("rel_faulty", 1, TestBackends.image(0)));
    localPai.faults().easErrors("rel_faulty", 2, 1.0);
    assertThat(EasCalls.get(endpoint("rel_faulty"), token).statusCode()).isEqualTo(200);

    ObjectNode patch = EasCalls.JSON.createObjectNode();
    patch.putObject("metadata").putObject("rpc").put("keepalive", 1000);
    patch.put("note", "v2");
    eas.update("rel_faulty", "merge", patch);
    eas.awaitStatus("rel_faulty", "Running");
    EasCalls.await(
        () -> EasCalls.get(endpoint("rel_faulty"), token).statusCode() == 500, "v2 errors");
    HttpResponse<String> failed = EasCalls.get(endpoint("rel_faulty"), token);
    assertThat(failed.statusCode()).isEqualTo(500);

    eas.put(
        "UpdateServiceVersion",
        "rel_faulty",
        "/version",
        EasCalls.JSON.createObjectNode().put("Version", 1));
    eas.awaitStatus("rel_faulty", "Running");
    EasCalls.await(
        () -> EasCalls.get(endpoint("rel_faulty"), token).statusCode() == 200, "v1 again");
    for (int i = 0; i < 20; i++) {
      assertThat(EasCalls.get(endpoint("rel_faulty"), token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void groupRoutesByReleaseWeightWithTheGroupToken() {
    for (String name : List.of("grp_blue", "grp_green")) {
      ObjectNode spec = EasCalls.spec(name, 1, TestBackends.image(0));
      EasCalls.meta(spec).put("group", "grp_bg");
      running(spec);
    }
    eas.put(
        "ReleaseService",
        "grp_blue",
        "/release",
        EasCalls.JSON.createObjectNode().put("Weight", 20));
    eas.put(
        "ReleaseService",
        "grp_green",
        "/release",
        EasCalls.JSON.createObjectNode().put("Weight", 80));
    JsonNode group = eas.group("DescribeGroup", "GET", "grp_bg", Map.of());
    assertThat(group.get("Name").asText()).isEqualTo("grp_bg");
    assertThat(group.get("ClusterId").asText()).isEqualTo("cn-shanghai");
    assertThat(group.get("InternetEndpoint").asText()).isEqualTo(endpoint("grp_bg").toString());
    String groupToken = group.get("AccessToken").asText();
    assertThat(groupToken).isNotEqualTo(eas.describe("grp_blue").get("AccessToken").asText());
    assertThat(eas.describe("grp_green").get("Weight").asInt()).isEqualTo(80);

    int green = 0;
    int total = 1000;
    for (int i = 0; i < total; i++) {
      HttpResponse<String> r = EasCalls.get(endpoint("grp_bg"), groupToken);
      assertThat(r.statusCode()).isEqualTo(200);
      green += parse(r.body()).get("service").asText().equals("grp_green") ? 1 : 0;
    }
    assertThat(green / (double) total).isCloseTo(0.8, within(0.05));
    assertThat(EasCalls.get(endpoint("grp_bg"), "wrong").statusCode()).isEqualTo(401);

    eas.put(
        "ReleaseService",
        "grp_green",
        "/release",
        EasCalls.JSON.createObjectNode().put("TrafficState", "standalone"));
    assertThat(eas.describe("grp_green").get("TrafficState").asText()).isEqualTo("standalone");
    for (int i = 0; i < 20; i++) {
      assertThat(parse(EasCalls.get(endpoint("grp_bg"), groupToken).body()).get("service").asText())
          .isEqualTo("grp_blue");
    }
  }

  @Test
  void aMemberCreatedStandaloneTakesNoGroupTrafficUntilReleased() {
    running(spec("std_blue", "std_grp"));
    ObjectNode green = spec("std_green", "std_grp");
    green.putObject("networking").put("traffic_state", "standalone");
    String greenToken = running(green);
    assertThat(eas.describe("std_green").get("TrafficState").asText()).isEqualTo("standalone");
    String groupToken =
        eas.group("DescribeGroup", "GET", "std_grp", Map.of()).get("AccessToken").asText();
    for (int i = 0; i < 20; i++) {
      assertThat(
              parse(EasCalls.get(endpoint("std_grp"), groupToken).body()).get("service").asText())
          .isEqualTo("std_blue");
    }
    assertThat(EasCalls.get(endpoint("std_green"), greenToken).statusCode()).isEqualTo(200);
    eas.put(
        "ReleaseService",
        "std_green",
        "/release",
        EasCalls.JSON.createObjectNode().put("TrafficState", "grouping"));
    assertThat(eas.describe("std_green").get("TrafficState").asText()).isEqualTo("grouping");
  }

  private static ObjectNode spec(String name, String group) {
    ObjectNode spec = EasCalls.spec(name, 1, TestBackends.image(0));
    EasCalls.meta(spec).put("group", group);
    return spec;
  }

  @Test
  void groupsAreListedAndGoWithTheirLastService() {
    ObjectNode spec = EasCalls.spec("grp_only_member", 1, "registry/app:1");
    EasCalls.meta(spec).put("group", "grp_lonely");
    eas.create(spec);
    JsonNode groups = eas.group("ListGroups", "GET", null, Map.of("Filter", "grp_lonely"));
    assertThat(groups.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(groups.at("/Groups/0/Name").asText()).isEqualTo("grp_lonely");

    eas.delete("DeleteService", "grp_only_member", "", Map.of());
    assertThatThrownBy(() -> eas.group("DescribeGroup", "GET", "grp_lonely", Map.of()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                eas.put(
                    "ReleaseService",
                    "rel_scale_missing",
                    "/release",
                    EasCalls.JSON.createObjectNode().put("Weight", 1)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void mirrorCopiesTheRatioToTheTargetAndLeavesThePrimaryAlone() {
    String token = running(EasCalls.spec("mir_primary", 1, TestBackends.image(0)));
    running(EasCalls.spec("mir_shadow", 1, TestBackends.image(0)));
    ObjectNode mirror = EasCalls.JSON.createObjectNode().put("Ratio", 30);
    mirror.putArray("Target").add("mir_shadow");
    eas.post("CreateServiceMirror", "mir_primary", "/mirror", mirror);
    JsonNode described = eas.get("DescribeServiceMirror", "mir_primary", "/mirror", Map.of());
    assertThat(described.get("Ratio").asText()).isEqualTo("30");
    assertThat(described.get("Target").asText()).isEqualTo("mir_shadow");

    int total = 400;
    for (int i = 0; i < total; i++) {
      HttpResponse<String> r =
          EasCalls.gateway(endpoint("mir_primary/predict"), "POST", token, "{\"i\":" + i + "}");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(parse(r.body()).get("service").asText()).isEqualTo("mir_primary");
    }
    assertThat(BACKENDS.count("mir_primary")).isEqualTo(total);
    EasCalls.await(() -> BACKENDS.count("mir_shadow") >= total * 0.2, "mirror copies to arrive");
    assertThat(BACKENDS.count("mir_shadow") / (double) total).isCloseTo(0.3, within(0.1));

    eas.delete("DeleteServiceMirror", "mir_primary", "/mirror", Map.of());
    assertThatThrownBy(() -> eas.get("DescribeServiceMirror", "mir_primary", "/mirror", Map.of()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void mirrorTargetsMustExistAndRatioMustBeAPercentage() {
    running(EasCalls.spec("mir_checked", 1, "registry/app:1"));
    ObjectNode bad = EasCalls.JSON.createObjectNode().put("Ratio", 150);
    bad.putArray("Target").add("mir_checked_target");
    assertThatThrownBy(() -> eas.post("CreateServiceMirror", "mir_checked", "/mirror", bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Ratio");
    bad.put("Ratio", 10);
    assertThatThrownBy(() -> eas.post("CreateServiceMirror", "mir_checked", "/mirror", bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Target");
  }
}
