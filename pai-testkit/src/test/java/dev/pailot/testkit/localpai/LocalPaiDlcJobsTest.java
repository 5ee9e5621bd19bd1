package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.DlcCalls.GPU;
import static dev.pailot.testkit.localpai.DlcCalls.JSON;
import static dev.pailot.testkit.localpai.DlcCalls.env;
import static dev.pailot.testkit.localpai.DlcCalls.jobBody;
import static dev.pailot.testkit.localpai.LocalPaiVpcTest.code;
import static dev.pailot.testkit.localpai.LocalPaiVpcTest.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DLC request and response shapes, validation and not-found answers, through the real SDK. */
class LocalPaiDlcJobsTest {
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(DlcCalls.options(LocalPaiDlcOptions.defaults()));
    pai = Calls.client(localPai);
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  @Test
  void createdJobEchoesItsRequestAndReportsReplicaStatuses() {
    ObjectNode body = jobBody("echo-job.1", 2).put("Priority", 7).put("WorkspaceId", "12345");
    env(body, "NCCL_DEBUG", "INFO");
    body.putObject("Settings").putObject("Tags").put("team", "nlp");
    body.putArray("DataSources")
        .addObject()
        .put("Uri", "oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/data/")
        .put("MountPath", "/mnt/data");
    String id = DlcCalls.create(pai, body);
    assertThat(id).matches("dlc[0-9a-z]{13}");

    JsonNode job = DlcCalls.get(pai, id);
    assertThat(job.get("JobId").asText()).isEqualTo(id);
    assertThat(job.get("DisplayName").asText()).isEqualTo("echo-job.1");
    assertThat(job.get("JobType").asText()).isEqualTo("PyTorchJob");
    assertThat(job.get("WorkspaceId").asText()).isEqualTo("12345");
    assertThat(job.get("Priority").asInt()).isEqualTo(7);
    assertThat(job.get("UserCommand").asText()).isEqualTo("python train.py");
    assertThat(job.at("/Envs/NCCL_DEBUG").asText()).isEqualTo("INFO");
    assertThat(job.at("/Settings/Tags/team").asText()).isEqualTo("nlp");
    assertThat(job.at("/DataSources/0/MountPath").asText()).isEqualTo("/mnt/data");
    assertThat(job.at("/JobSpecs/0/EcsSpec").asText()).isEqualTo(GPU);
    assertThat(job.get("GmtCreateTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(job.get("Status").asText())
        .isIn("Creating", "Queuing", "EnvPreparing", "Running", "Succeeded");
    assertThat(job.at("/JobReplicaStatuses/0/Type").asText()).isEqualTo("Worker");
    assertThat(job.at("/JobReplicaStatuses/0/EstimatedPodCount").asInt()).isEqualTo(2);
    assertThat(job.get("RequestId").asText()).isNotBlank();
  }

  @Test
  void getWithoutDetailLeavesOutPodsAndHistory() {
    String id = DlcCalls.create(pai, jobBody("no-detail", 1));
    JsonNode brief =
        DlcCalls.call(
            pai,
            "GET",
            "/api/v1/jobs/{JobId}",
            "GetJob",
            Map.of("JobId", id),
            Map.of("NeedDetail", "false"),
            null);
    assertThat(brief.has("Pods")).isFalse();
    assertThat(brief.has("StatusHistory")).isFalse();
    assertThat(DlcCalls.get(pai, id).has("StatusHistory")).isTrue();
  }

  @Test
  void listFiltersByNameStatusTagsAndIdsAndPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode body = jobBody("List-Page-" + i, 1);
      body.putObject("Settings").putObject("Tags").put("batch", i % 2 == 0 ? "even" : "odd");
      ids.add(DlcCalls.create(pai, body));
    }
    JsonNode byName = DlcCalls.list(pai, Map.of("DisplayName", "list-page"));
    assertThat(byName.get("TotalCount").asInt()).isEqualTo(5);
    // Default order: newest first.
    assertThat(byName.at("/Jobs/0/JobId").asText()).isEqualTo(ids.get(4));

    JsonNode page =
        DlcCalls.list(
            pai,
            Map.of(
                "JobIds",
                String.join(",", ids),
                "Order",
                "asc",
                "PageSize",
                "2",
                "PageNumber",
                "2"));
    assertThat(page.get("TotalCount").asInt()).isEqualTo(5);
    assertThat(DlcCalls.texts(ids(page))).containsExactly(ids.get(2), ids.get(3));

    JsonNode even =
        DlcCalls.list(pai, Map.of("DisplayName", "List-Page", "Tags", "{\"batch\":\"even\"}"));
    assertThat(even.get("TotalCount").asInt()).isEqualTo(3);

    for (String id : ids) {
      DlcCalls.awaitEnd(pai, id);
    }
    JsonNode done =
        DlcCalls.list(pai, Map.of("JobIds", String.join(",", ids), "Status", "Succeeded"));
    assertThat(done.get("TotalCount").asInt()).isEqualTo(5);
    assertThat(done.at("/Jobs/0/Pods/0/Status").asText()).isEqualTo("Succeeded");
    assertThat(done.at("/Jobs/0/NodeCount").asText()).isEqualTo("1");
    JsonNode running =
        DlcCalls.list(pai, Map.of("JobIds", String.join(",", ids), "Status", "Running"));
    assertThat(running.get("TotalCount").asInt()).isZero();
    JsonNode future =
        DlcCalls.list(
            pai, Map.of("JobIds", String.join(",", ids), "StartTime", "2999-01-01T00:00:00Z"));
    assertThat(future.get("TotalCount").asInt()).isZero();
  }

  private static JsonNode ids(JsonNode page) {
    var out = JSON.createArrayNode();
    page.get("Jobs").forEach(j -> out.add(j.get("JobId").asText()));
    return out;
  }

  @Test
  void listRejectsUnknownStatusAndMalformedTags() {
    assertThat(codeOf(() -> DlcCalls.list(pai, Map.of("Status", "running"))))
        .isEqualTo("InvalidParameter");
    assertThat(codeOf(() -> DlcCalls.list(pai, Map.of("Tags", "team=nlp"))))
        .isEqualTo("InvalidParameter");
    assertThat(codeOf(() -> DlcCalls.list(pai, Map.of("SortBy", "Priority"))))
        .isEqualTo("InvalidParameter");
  }

  @Test
  void createValidatesLikeDlc() {
    assertRejected("MissingParameter", "DisplayName", b -> b.remove("DisplayName"));
    assertRejected("InvalidParameter", "DisplayName", b -> b.put("DisplayName", "has space"));
    assertRejected("MissingParameter", "JobType", b -> b.remove("JobType"));
    assertRejected("InvalidParameter", "JobType", b -> b.put("JobType", "pytorchjob"));
    assertRejected("MissingParameter", "UserCommand", b -> b.remove("UserCommand"));
    assertRejected("MissingParameter", "JobSpecs", b -> b.putArray("JobSpecs"));
    assertRejected("InvalidParameter", "Priority", b -> b.put("Priority", 10));
    assertRejected(
        "InvalidParameter", "JobMaxRunningTimeMinutes", b -> b.put("JobMaxRunningTimeMinutes", 0));
    assertRejected("InvalidParameter", "Accessibility", b -> b.put("Accessibility", "public"));
    assertRejected("InvalidParameter", "Envs", b -> b.putObject("Envs").put("N", 3));
    assertRejected("InvalidParameter", "SuccessPolicy", b -> b.put("SuccessPolicy", "AllWorkers"));
    assertRejected(
        "InvalidParameter",
        "DataSources[0].MountPath",
        b -> b.putArray("DataSources").addObject().put("Uri", "oss://b/p").put("MountPath", "mnt"));
    assertRejected("InvalidParameter", "JobSpecs[0].Type", b -> spec(b).put("Type", "Chief"));
    assertRejected("MissingParameter", "JobSpecs[0].Image", b -> spec(b).remove("Image"));
    assertRejected("InvalidParameter", "JobSpecs[0].PodCount", b -> spec(b).put("PodCount", 0));
    assertRejected("MissingParameter", "JobSpecs[0].EcsSpec", b -> spec(b).remove("EcsSpec"));
    assertRejected(
        "InvalidParameter",
        "JobSpecs[0].RestartPolicy",
        b -> spec(b).put("RestartPolicy", "Sometimes"));
    assertRejected(
        "InvalidParameter",
        "JobSpecs[0].SpotSpec.SpotStrategy",
        b ->
            spec(b)
                .putObject("SpotSpec")
                .put("SpotStrategy", "SpotAsPriceGo")
                .put("SpotDiscountLimit", 0.5));
    assertRejected(
        "InvalidParameter",
        "JobSpecs[0].SpotSpec",
        b ->
            spec(b)
                .putObject("SpotSpec")
                .put("SpotStrategy", "SpotWithPriceLimit")
                .put("SpotDiscountLimit", 0.5)
                .put("SpotPriceLimit", 1.2));
    assertRejected(
        "InvalidParameter",
        "JobSpecs[0].SpotSpec.SpotDiscountLimit",
        b ->
            spec(b)
                .putObject("SpotSpec")
                .put("SpotStrategy", "SpotWithPriceLimit")
                .put("SpotDiscountLimit", 1.5));
  }

  @Test
  void quotaRolesMaySizeByResourceConfig() {
    ObjectNode body = jobBody("quota-job", 1).put("ResourceId", "quota12345");
    spec(body).remove("EcsSpec");
    spec(body).putObject("ResourceConfig").put("CPU", "8").put("GPU", "1").put("Memory", "32Gi");
    String id = DlcCalls.create(pai, body);
    assertThat(DlcCalls.get(pai, id).at("/JobSpecs/0/ResourceConfig/Memory").asText())
        .isEqualTo("32Gi");

    ObjectNode publicBody = jobBody("public-job", 1);
    spec(publicBody).remove("EcsSpec");
    spec(publicBody).putObject("ResourceConfig").put("CPU", "8");
    assertThatThrownBy(() -> DlcCalls.create(pai, publicBody))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JobSpecs[0].EcsSpec");
  }

  @Test
  void registryPasswordsAreNotEchoed() {
    ObjectNode body = jobBody("private-image", 1);
    spec(body).putObject("ImageConfig").put("Username", "robot").put("Password", "hunter2-secret");
    String id = DlcCalls.create(pai, body);
    JsonNode job = DlcCalls.get(pai, id);
    assertThat(job.at("/JobSpecs/0/ImageConfig/Username").asText()).isEqualTo("robot");
    assertThat(job.toString()).doesNotContain("hunter2-secret");
  }

  @Test
  void unknownJobIsNotFound() {
    for (Runnable call :
        List.<Runnable>of(
            () -> DlcCalls.get(pai, "dlcdoesnotexist1"),
            () -> DlcCalls.stop(pai, "dlcdoesnotexist1"),
            () -> DlcCalls.delete(pai, "dlcdoesnotexist1"),
            () -> DlcCalls.events(pai, "dlcdoesnotexist1"),
            () -> DlcCalls.logs(pai, "dlcdoesnotexist1", "pod", Map.of()))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(ResourceNotFoundException.class)
          .satisfies(e -> assertThat(code(e)).isEqualTo("JobNotFound"))
          .satisfies(e -> assertThat(((ResourceNotFoundException) e).httpStatus()).isEqualTo(404));
    }
  }

  @Test
  void onlyFinishedJobsCanBeDeleted() {
    String id =
        DlcCalls.create(pai, env(jobBody("delete-me", 1), LocalPaiDlc.ENV_TOTAL_STEPS, 1_000_000));
    assertThatThrownBy(() -> DlcCalls.delete(pai, id))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("IncorrectJobStatus"));
    assertThat(DlcCalls.stop(pai, id).get("JobId").asText()).isEqualTo(id);
    DlcCalls.awaitStatus(pai, id, "Stopped");
    assertThat(DlcCalls.delete(pai, id).get("JobId").asText()).isEqualTo(id);
    assertThatThrownBy(() -> DlcCalls.get(pai, id)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(localPai.dlc().training(id)).isEmpty();
  }

  @Test
  void eventsAndLogsOfAFinishedJob() {
    String id = DlcCalls.create(pai, env(jobBody("logs-job", 2), LocalPaiDlc.ENV_TOTAL_STEPS, 12));
    JsonNode job = DlcCalls.awaitEnd(pai, id);
    assertThat(job.get("Status").asText()).isEqualTo("Succeeded");
    List<String> events = DlcCalls.events(pai, id);
    assertThat(events).anyMatch(e -> e.contains("JobCreated"));
    assertThat(events).anyMatch(e -> e.contains("JobScheduled"));
    assertThat(events.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z Normal JobCreated .*");

    String pod0 = job.at("/Pods/0/PodId").asText();
    String pod1 = job.at("/Pods/1/PodId").asText();
    assertThat(pod0).isEqualTo(id + "-worker-0");
    JsonNode logs = DlcCalls.logs(pai, id, pod1, Map.of());
    assertThat(logs.get("PodId").asText()).isEqualTo(pod1);
    assertThat(logs.get("PodUid").asText()).isEqualTo(job.at("/Pods/1/PodUid").asText());
    List<String> lines = DlcCalls.texts(logs.get("Logs"));
    assertThat(lines).anyMatch(l -> l.endsWith("step 12/12 loss=0.2195"));
    assertThat(lines.get(lines.size() - 1)).endsWith("Training finished at step 12.");

    List<String> tail =
        DlcCalls.texts(DlcCalls.logs(pai, id, pod1, Map.of("MaxLines", "2")).get("Logs"));
    assertThat(tail).hasSize(2).isEqualTo(lines.subList(lines.size() - 2, lines.size()));

    assertThatThrownBy(() -> DlcCalls.logs(pai, id, id + "-worker-7", Map.of()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> DlcCalls.logs(pai, id, pod0, Map.of("PodUid", "not-the-uid")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static ObjectNode spec(ObjectNode body) {
    return (ObjectNode) body.get("JobSpecs").get(0);
  }

  private static void assertRejected(String code, String field, Consumer<ObjectNode> change) {
    ObjectNode body = jobBody("bad-job", 1);
    change.accept(body);
    assertThatThrownBy(() -> DlcCalls.create(pai, body))
        .as(field)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field)
        .satisfies(e -> assertThat(code(e)).as(field).isEqualTo(code));
  }
}
