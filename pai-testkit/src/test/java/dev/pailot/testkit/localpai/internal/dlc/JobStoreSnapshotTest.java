package dev.pailot.testkit.localpai.internal.dlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.DlcTrainingRecord;
import dev.pailot.testkit.localpai.LocalPaiDlc;
import dev.pailot.testkit.localpai.LocalPaiDlcOptions;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DLC job store survives a JSON snapshot and restore, and restored jobs keep running. */
class JobStoreSnapshotTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Stopped");

  @TempDir Path data;
  private final List<DlcEmulator> started = new ArrayList<>();

  @AfterEach
  void close() {
    started.forEach(DlcEmulator::close);
  }

  private DlcEmulator emulator() {
    Duration minute = Duration.ofMillis(10);
    Emulation emulation =
        new Emulation("cn-shanghai", "1000000000000001", Clock.systemUTC(), minute);
    DlcEmulator dlc =
        DlcEmulator.start(emulation, LocalPaiDlcOptions.defaults(), minute, new OssPaths(data), 7);
    started.add(dlc);
    return dlc;
  }

  @Test
  void finishedJobsRoundTripExactly() {
    DlcEmulator first = emulator();
    first.preemptNextSpotJob(15);
    String done = create(first, job("done", "oss://b/done/", 20, false));
    String preempted = create(first, job("reclaimed", "oss://b/spot/", 50, true));
    String stopped = create(first, job("stopped", "oss://b/stop/", 1_000_000, false));
    awaitJob(first, stopped, j -> j.get("Status").asText().equals("Running"));
    call(first, "POST", "/api/v1/jobs/" + stopped + "/stop", Map.of());
    for (String id : List.of(done, preempted, stopped)) {
      awaitJob(first, id, j -> TERMINAL.contains(j.get("Status").asText()));
    }
    JsonNode snapshot = first.store().snapshot();

    DlcEmulator second = emulator();
    second.store().restore(snapshot);

    assertThat(second.store().snapshot()).isEqualTo(snapshot);
    assertThat(second.store().storeName()).isEqualTo("dlc-jobs");
    for (String id : List.of(done, preempted, stopped)) {
      assertThat(withoutRequestId(getJob(second, id)))
          .isEqualTo(withoutRequestId(getJob(first, id)));
      String pod = "/api/v1/jobs/" + id + "/pods/" + id + "-worker-0/logs";
      assertThat(call(second, "GET", pod, Map.of())).isEqualTo(call(first, "GET", pod, Map.of()));
      String events = "/api/v1/jobs/" + id + "/events";
      assertThat(call(second, "GET", events, Map.of()))
          .isEqualTo(call(first, "GET", events, Map.of()));
      assertThat(second.training(id)).isEqualTo(first.training(id));
    }
    assertThat(second.training(preempted).orElseThrow().outcome())
        .isEqualTo(DlcTrainingRecord.Outcome.PREEMPTED);
    // New jobs continue the restored sequence and pod numbering without clashes.
    String next = create(second, job("after-restore", "oss://b/next/", 5, false));
    JsonNode nextJob = awaitJob(second, next, j -> j.get("Status").asText().equals("Succeeded"));
    assertThat(nextJob.at("/Pods/0/Ip").asText())
        .isNotEqualTo(getJob(first, done).at("/Pods/0/Ip").asText());
  }

  @Test
  void restoredRunningJobKeepsTraining() {
    DlcEmulator first = emulator();
    String id = create(first, job("long", "oss://b/long/", 1_000_000, false));
    awaitRecord(first, id, r -> r.checkpointSteps().size() >= 1);
    JsonNode running = first.store().snapshot();
    call(first, "POST", "/api/v1/jobs/" + id + "/stop", Map.of());

    DlcEmulator second = emulator();
    second.store().restore(running);
    long before = second.training(id).orElseThrow().lastStep();
    awaitRecord(second, id, r -> r.lastStep() > before + 20);
    call(second, "POST", "/api/v1/jobs/" + id + "/stop", Map.of());
    awaitJob(second, id, j -> j.get("Status").asText().equals("Stopped"));
  }

  @Test
  void restoreRejectsOtherSnapshots() {
    DlcEmulator dlc = emulator();
    assertThatThrownBy(() -> dlc.store().restore(JSON.createObjectNode().put("format", 99)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ObjectNode job(String name, String checkpointDir, long steps, boolean spot) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("DisplayName", name)
            .put("JobType", "PyTorchJob")
            .put("UserCommand", "python train.py");
    ObjectNode spec =
        body.putArray("JobSpecs")
            .addObject()
            .put("Type", "Worker")
            .put("Image", "pytorch:2.3")
            .put("PodCount", 2)
            .put("EcsSpec", "ecs.gn7i-c8g1.2xlarge");
    if (spot) {
      spec.putObject("SpotSpec")
          .put("SpotStrategy", "SpotWithPriceLimit")
          .put("SpotPriceLimit", 0.5);
    }
    body.putObject("Envs")
        .put(LocalPaiDlc.ENV_CHECKPOINT_DIR, checkpointDir)
        .put(LocalPaiDlc.ENV_TOTAL_STEPS, Long.toString(steps))
        .put(LocalPaiDlc.ENV_STEPS_PER_MINUTE, "60");
    return body;
  }

  private static String create(DlcEmulator dlc, JsonNode body) {
    return call(dlc, "POST", "/api/v1/jobs", body).get("JobId").asText();
  }

  private static JsonNode getJob(DlcEmulator dlc, String id) {
    return call(dlc, "GET", "/api/v1/jobs/" + id, Map.of());
  }

  private static JsonNode call(DlcEmulator dlc, String method, String path, Object body) {
    byte[] bytes =
        body instanceof JsonNode n ? n.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
    ControlRequest request =
        new ControlRequest(
            method, path, Map.of(), Map.of("content-type", "application/json"), bytes);
    for (ProductHandler h : dlc.handlers()) {
      var op = h.resolve(request);
      if (op.isPresent()) {
        return op.get().invoke();
      }
    }
    throw new AssertionError("no route for " + method + " " + path);
  }

  private static JsonNode withoutRequestId(JsonNode job) {
    ObjectNode copy = job.deepCopy();
    copy.remove("RequestId");
    return copy;
  }

  private static JsonNode awaitJob(DlcEmulator dlc, String id, Predicate<JsonNode> done) {
    return await(() -> getJob(dlc, id), done);
  }

  private static void awaitRecord(DlcEmulator dlc, String id, Predicate<DlcTrainingRecord> done) {
    await(() -> dlc.training(id).orElseThrow(), done);
  }

  private static <T> T await(java.util.function.Supplier<T> poll, Predicate<T> done) {
    Instant deadline = Instant.now().plusSeconds(30);
    T last = poll.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached; last: " + last);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = poll.get();
    }
    return last;
  }
}
