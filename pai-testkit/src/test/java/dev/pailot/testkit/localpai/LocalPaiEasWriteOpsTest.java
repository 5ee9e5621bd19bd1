package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remaining write operations: each answers {@code {RequestId, Message}} and takes effect. */
class LocalPaiEasWriteOpsTest {
  private static LocalPai localPai;
  private static Pai pai;
  private static EasCalls eas;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions(), List.of());
    pai = Calls.client(localPai);
    eas = new EasCalls(pai, localPai.region());
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  private static void running(String name) {
    eas.create(EasCalls.spec(name, 1, "registry/app:1"));
    eas.awaitStatus(name, "Running");
  }

  private static void assertWriteAnswer(JsonNode answer, String name) {
    assertThat(answer.get("RequestId").asText()).isNotBlank();
    assertThat(answer.get("Message").asText())
        .startsWith("Service [" + name + "] in region [cn-shanghai] is ");
  }

  @Test
  void restartReplacesTheInstancesAndRunsAgain() {
    running("wo_restart");
    String before =
        eas.get("ListServiceInstances", "wo_restart", "/instances", Map.of())
            .at("/Instances/0/InstanceName")
            .asText();
    assertWriteAnswer(eas.put("RestartService", "wo_restart", "/restart", null), "wo_restart");
    eas.awaitStatus("wo_restart", "Running");
    EasCalls.await(
        () ->
            !eas.get("ListServiceInstances", "wo_restart", "/instances", Map.of())
                .at("/Instances/0/InstanceName")
                .asText()
                .equals(before),
        "new instance after restart");
    assertThat(eas.describe("wo_restart").get("LatestVersion").asInt()).isEqualTo(1);
  }

  @Test
  void mirrorAndAutoscalerUpdatesNeedAnExistingOne() {
    running("wo_scalers");
    running("wo_target");
    ObjectNode mirror = EasCalls.JSON.createObjectNode().put("Ratio", 5);
    mirror.putArray("Target").add("wo_target");
    assertThatThrownBy(() -> eas.put("UpdateServiceMirror", "wo_scalers", "/mirror", mirror))
        .isInstanceOf(ResourceNotFoundException.class);
    assertWriteAnswer(
        eas.post("CreateServiceMirror", "wo_scalers", "/mirror", mirror), "wo_scalers");
    assertThatThrownBy(() -> eas.post("CreateServiceMirror", "wo_scalers", "/mirror", mirror))
        .isInstanceOf(ConflictException.class);
    mirror.put("Ratio", 50);
    assertWriteAnswer(
        eas.put("UpdateServiceMirror", "wo_scalers", "/mirror", mirror), "wo_scalers");
    assertThat(
            eas.get("DescribeServiceMirror", "wo_scalers", "/mirror", Map.of())
                .get("Ratio")
                .asText())
        .isEqualTo("50");

    ObjectNode auto = EasCalls.JSON.createObjectNode().put("min", 1).put("max", 2);
    auto.putArray("scaleStrategies").addObject().put("metricName", "cpu").put("threshold", 80);
    assertWriteAnswer(
        eas.post("CreateServiceAutoScaler", "wo_scalers", "/autoscaler", auto), "wo_scalers");
    auto.put("max", 4);
    assertWriteAnswer(
        eas.put("UpdateServiceAutoScaler", "wo_scalers", "/autoscaler", auto), "wo_scalers");
    JsonNode described =
        eas.get("DescribeServiceAutoScaler", "wo_scalers", "/autoscaler", Map.of());
    assertThat(described.get("MaxReplica").asInt()).isEqualTo(4);
    assertThat(described.at("/ScaleStrategies/0/metricName").asText()).isEqualTo("CPU");
    assertThat(
            eas.list(Map.of("AutoscalerEnabled", "true", "Filter", "wo_"))
                .get("TotalCount")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void groupsCanBeCreatedUpdatedAndCascadeDeleted() {
    ObjectNode body = EasCalls.JSON.createObjectNode().put("Name", "wo_group");
    JsonNode created = groupCall("CreateGroup", "POST", null, Map.of(), body);
    assertThat(created.get("Message").asText()).contains("wo_group");
    assertThatThrownBy(() -> groupCall("CreateGroup", "POST", null, Map.of(), body))
        .isInstanceOf(ConflictException.class);

    groupCall(
        "UpdateGroup",
        "PUT",
        "wo_group",
        Map.of(),
        EasCalls.JSON.createObjectNode().put("TrafficMode", "auto"));
    ObjectNode spec = EasCalls.spec("wo_member", 1, "registry/app:1");
    EasCalls.meta(spec).put("group", "wo_group");
    eas.create(spec);
    assertThatThrownBy(() -> groupCall("DeleteGroup", "DELETE", "wo_group", Map.of(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("CascadeDelete");
    groupCall("DeleteGroup", "DELETE", "wo_group", Map.of("CascadeDelete", "true"), null);
    assertThatThrownBy(() -> eas.group("DescribeGroup", "GET", "wo_group", Map.of()))
        .isInstanceOf(ResourceNotFoundException.class);
    EasCalls.await(() -> eas.gone("wo_member"), "the member to be deleted with its group");
  }

  @Test
  void wrongRegionInThePathIsNotFound() {
    running("wo_region");
    ApiRequest request =
        ApiRequest.of(Operation.roa(Product.EAS, "DescribeService", "GET", EasCalls.SERVICE, true))
            .path("ClusterId", "cn-beijing")
            .path("ServiceName", "wo_region")
            .build();
    assertThatThrownBy(() -> PaiRuntime.of(pai).call(request))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("cn-shanghai");
  }

  private static JsonNode groupCall(
      String action, String method, String name, Map<String, String> query, JsonNode body) {
    String path = name == null ? "/api/v2/groups" : "/api/v2/groups/{ClusterId}/{GroupName}";
    ApiRequest.Builder b =
        ApiRequest.of(Operation.roa(Product.EAS, action, method, path, !method.equals("POST")));
    if (name != null) {
      b.path("ClusterId", localPai.region()).path("GroupName", name);
    }
    query.forEach(b::query);
    if (body != null) {
      b.body(body);
    }
    return PaiRuntime.of(pai).call(b.build()).body();
  }
}
