package dev.pailot.training.spot;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pailot.core.Pai;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.training.DlcStubs;
import dev.pailot.training.JobSpec;
import dev.pailot.training.JobType;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** WireMock stubs of DLC for spot runs: creates in order, per-job GetJob sequences, and more. */
final class SpotStubs {
  static final String JOBS = "/api/v1/jobs";
  static final String CKPT = "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/sft/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpotStubs() {}

  static WireMockExtension server() {
    return DlcStubs.server();
  }

  static Pai pai(WireMockExtension wm, List<ProgressEvent> progress) {
    return DlcStubs.pai(wm, progress);
  }

  /** Two spot workers on a priced instance type, checkpointing to {@link #CKPT}. */
  static JobSpec spec() {
    return JobSpec.builder()
        .displayName("sft")
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("python train.py")
        .addRoles(
            RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                .podCount(2)
                .ecsSpec("ecs.gn7i-c8g1.2xlarge")
                .spot(SpotSpec.ofDiscountLimit(0.5))
                .build())
        .checkpoint(CKPT, "/mnt/ckpt/")
        .putEnvs("NCCL_DEBUG", "INFO")
        .build();
  }

  /** CreateJob answers {@code dlc-a1}, {@code dlc-a2}, ... in turn. */
  static void creates(WireMockExtension wm, int count) {
    for (int i = 1; i <= count; i++) {
      wm.stubFor(
          post(urlPathEqualTo(JOBS))
              .inScenario("create")
              .whenScenarioStateIs(i == 1 ? STARTED : "created-" + (i - 1))
              .willReturn(okJson("{\"RequestId\":\"req-c" + i + "\",\"JobId\":\"dlc-a" + i + "\"}"))
              .willSetStateTo("created-" + i));
    }
  }

  /** GetJob of {@code jobId} answers each body in turn, then keeps the last. */
  static void lifecycle(WireMockExtension wm, String jobId, String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      wm.stubFor(
          get(urlPathEqualTo(JOBS + "/" + jobId))
              .inScenario(jobId)
              .whenScenarioStateIs(state(i))
              .willReturn(okJson(bodies[i]))
              .willSetStateTo(state(Math.min(i + 1, bodies.length - 1))));
    }
  }

  private static String state(int i) {
    return i == 0 ? STARTED : "poll-" + i;
  }

  /** StopJob, GetJobEvents and GetPodLogs of any job. */
  static void sideCalls(WireMockExtension wm, List<String> logLines, List<String> events) {
    wm.stubFor(
        post(urlPathMatching(JOBS + "/[^/]+/stop"))
            .willReturn(okJson("{\"RequestId\":\"req-stop\",\"JobId\":\"x\"}")));
    wm.stubFor(
        get(urlPathMatching(JOBS + "/[^/]+/events"))
            .willReturn(okJson(json("req-ev", "Events", events))));
    wm.stubFor(
        get(urlPathMatching(JOBS + "/[^/]+/pods/[^/]+/logs"))
            .willReturn(okJson(json("req-logs", "Logs", logLines))));
  }

  /** StopJob of {@code jobId} makes its GetJob answer {@code stoppedBody} from then on. */
  static void stopLeadsTo(WireMockExtension wm, String jobId, String stoppedBody) {
    wm.stubFor(
        post(urlPathEqualTo(JOBS + "/" + jobId + "/stop"))
            .inScenario(jobId)
            .willReturn(okJson("{\"RequestId\":\"req-stop\",\"JobId\":\"" + jobId + "\"}"))
            .willSetStateTo("stopped"));
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/" + jobId))
            .inScenario(jobId)
            .whenScenarioStateIs("stopped")
            .willReturn(okJson(stoppedBody)));
  }

  private static String json(String requestId, String field, List<String> lines) {
    try {
      return JSON.writeValueAsString(
          JSON.createObjectNode().put("RequestId", requestId).set(field, JSON.valueToTree(lines)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CreateJob bodies sent, in order. */
  static List<JsonNode> createBodies(WireMockExtension wm) {
    return wm.findAll(postRequestedFor(urlPathEqualTo(JOBS))).stream()
        .map(LoggedRequest::getBodyAsString)
        .map(SpotStubs::parse)
        .toList();
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes checkpoint {@code step} into a local store directory; the marker only if complete. */
  static void checkpoint(Path dir, long step, boolean complete) {
    try {
      Path d = Files.createDirectories(dir.resolve("step-" + step));
      Files.writeString(d.resolve("checkpoint.json"), "{\"step\":" + step + "}");
      if (complete) {
        Files.writeString(d.resolve("_COMPLETE"), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
