package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Manual scaling, instances, the autoscaler and the cron scaler. */
class LocalPaiEasScalingTest {
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

  private static String running(String name, int instances) {
    eas.create(EasCalls.spec(name, instances, TestBackends.image(0)));
    eas.awaitStatus(name, "Running");
    return eas.describe(name).get("AccessToken").asText();
  }

  private static JsonNode instances(String name) {
    return eas.get("ListServiceInstances", name, "/instances", Map.of());
  }

  private static int total(String name) {
    return eas.describe(name).get("TotalInstance").asInt();
  }

  @Test
  void scaleServiceChangesTheInstances() {
    running("sc_manual", 1);
    JsonNode one = instances("sc_manual");
    assertThat(one.get("TotalCount").asInt()).isEqualTo(1);
    JsonNode instance = one.at("/Instances/0");
    assertThat(instance.get("InstanceName").asText()).startsWith("sc-manual-");
    assertThat(instance.get("Status").asText()).isEqualTo("Running");
    assertThat(instance.get("ReadyProcesses").asInt()).isEqualTo(1);
    assertThat(instance.get("TotalProcesses").asInt()).isEqualTo(1);
    assertThat(instance.get("IsSpot").asBoolean()).isFalse();
    assertThat(instance.get("RestartCount").asInt()).isZero();
    assertThat(instance.get("InnerIP").asText()).startsWith("10.224.");
    assertThat(instance.get("ResourceType").asText()).isEqualTo("PublicResource");

    eas.put(
        "ScaleService", "sc_manual", "/scale", EasCalls.JSON.createObjectNode().put("Instance", 3));
    assertThat(eas.status("sc_manual")).isIn("Scaling", "Running");
    eas.awaitStatus("sc_manual", "Running");
    assertThat(instances("sc_manual").get("TotalCount").asInt()).isEqualTo(3);
    assertThat(eas.describe("sc_manual").get("RunningInstance").asInt()).isEqualTo(3);

    String keep = instances("sc_manual").at("/Instances/0/InstanceName").asText();
    ObjectNode down = EasCalls.JSON.createObjectNode().put("Instance", 1);
    List<String> others = new ArrayList<>();
    instances("sc_manual")
        .get("Instances")
        .forEach(i -> others.add(i.get("InstanceName").asText()));
    others.remove(keep);
    ArrayNode toDelete = down.putArray("InstancesToDelete");
    others.forEach(toDelete::add);
    eas.put("ScaleService", "sc_manual", "/scale", down);
    JsonNode after = instances("sc_manual");
    assertThat(after.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(after.at("/Instances/0/InstanceName").asText()).isEqualTo(keep);
  }

  @Test
  void deletingInstancesReplacesThem() {
    running("sc_restart", 1);
    String old = instances("sc_restart").at("/Instances/0/InstanceName").asText();
    eas.delete("DeleteServiceInstances", "sc_restart", "/instances", Map.of("InstanceList", old));
    JsonNode now = instances("sc_restart");
    assertThat(now.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(now.at("/Instances/0/InstanceName").asText()).isNotEqualTo(old);
    assertThatThrownBy(
            () ->
                eas.delete(
                    "DeleteServiceInstances",
                    "sc_restart",
                    "/instances",
                    Map.of("InstanceList", "nope")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("InstanceList");
  }

  @Test
  void autoscalerScalesOutUnderLoadAndBackInWhenIdle() {
    String token = running("sc_auto", 1);
    ObjectNode body = EasCalls.JSON.createObjectNode().put("min", 1).put("max", 3);
    body.putArray("scaleStrategies").addObject().put("metricName", "qps").put("threshold", 5);
    body.putObject("behavior").putObject("scaleDown").put("stabilizationWindowSeconds", 0);
    eas.post("CreateServiceAutoScaler", "sc_auto", "/autoscaler", body);
    assertThat(eas.describe("sc_auto").get("AutoscalerEnabled").asBoolean()).isTrue();

    URI uri = URI.create(localPai.endpoint() + "/api/predict/sc_auto");
    EasCalls.await(
        () -> {
          for (int i = 0; i < 20; i++) {
            EasCalls.get(uri, token);
          }
          return total("sc_auto") == 3;
        },
        "scale-out to max under load");
    JsonNode described = eas.get("DescribeServiceAutoScaler", "sc_auto", "/autoscaler", Map.of());
    assertThat(described.get("MinReplica").asInt()).isEqualTo(1);
    assertThat(described.get("MaxReplica").asInt()).isEqualTo(3);
    assertThat(described.at("/ScaleStrategies/0/metricName").asText()).isEqualTo("QPS");
    assertThat(described.at("/ScaleStrategies/0/threshold").asDouble()).isEqualTo(5.0);
    assertThat(described.at("/CurrentMetrics/0/service").asText()).isEqualTo("sc_auto");
    assertThat(described.at("/Behavior/scaleDown/stabilizationWindowSeconds").asInt()).isZero();

    EasCalls.await(() -> total("sc_auto") == 1, "scale-in to min once idle");
    eas.delete("DeleteServiceAutoScaler", "sc_auto", "/autoscaler", Map.of());
    assertThatThrownBy(
            () -> eas.get("DescribeServiceAutoScaler", "sc_auto", "/autoscaler", Map.of()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void autoscalerBodyIsValidated() {
    running("sc_auto_bad", 1);
    ObjectNode body = EasCalls.JSON.createObjectNode().put("min", 3).put("max", 2);
    body.putArray("scaleStrategies").addObject().put("metricName", "qps").put("threshold", 5);
    assertThatThrownBy(
            () -> eas.post("CreateServiceAutoScaler", "sc_auto_bad", "/autoscaler", body))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max");
    body.put("max", 5);
    ((ObjectNode) body.at("/scaleStrategies/0")).put("metricName", "latency");
    assertThatThrownBy(
            () -> eas.post("CreateServiceAutoScaler", "sc_auto_bad", "/autoscaler", body))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("metricName");
  }

  @Test
  void cronScalerIsStoredAndDescribed() {
    running("sc_cron", 1);
    ObjectNode body = EasCalls.JSON.createObjectNode();
    body.putArray("ScaleJobs")
        .addObject()
        .put("Name", "evening")
        .put("Schedule", "0 18 * * *")
        .put("TargetSize", 2);
    body.putArray("ExcludeDates").add("* * 1 1 *");
    eas.post("CreateServiceCronScaler", "sc_cron", "/cronscaler", body);

    JsonNode described = eas.get("DescribeServiceCronScaler", "sc_cron", "/cronscaler", Map.of());
    assertThat(described.at("/ScaleJobs/0/Name").asText()).isEqualTo("evening");
    assertThat(described.at("/ScaleJobs/0/Schedule").asText()).isEqualTo("0 18 * * *");
    assertThat(described.at("/ScaleJobs/0/TargetSize").asInt()).isEqualTo(2);
    assertThat(described.at("/ScaleJobs/0/CreateTime").asText()).endsWith("Z");
    assertThat(described.at("/ExcludeDates/0").asText()).isEqualTo("* * 1 1 *");
    assertThat(eas.describe("sc_cron").get("CronscalerEnabled").asBoolean()).isTrue();

    ((ObjectNode) body.at("/ScaleJobs/0")).put("Schedule", "61 18 * * *");
    assertThatThrownBy(() -> eas.put("UpdateServiceCronScaler", "sc_cron", "/cronscaler", body))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Schedule");
    eas.delete("DeleteServiceCronScaler", "sc_cron", "/cronscaler", Map.of());
    assertThat(eas.describe("sc_cron").get("CronscalerEnabled").asBoolean()).isFalse();
  }
}
