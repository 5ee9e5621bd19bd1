package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.DlcCalls.env;
import static dev.pailot.testkit.localpai.DlcCalls.jobBody;
import static dev.pailot.testkit.localpai.DlcCalls.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated training script: lifecycle, checkpoints in real directories, resume, spot
 * reclamation and other injected faults. Asserts outcomes, never durations.
 */
class LocalPaiDlcTrainingTest {
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai =
        LocalPai.start(DlcCalls.options(LocalPaiDlcOptions.builder().stepsPerMinute(30).build()));
    pai = Calls.client(localPai);
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  private static ObjectNode training(String name, String checkpointDir, long totalSteps) {
    ObjectNode body = jobBody(name, 1);
    env(body, LocalPaiDlc.ENV_CHECKPOINT_DIR, checkpointDir);
    return env(body, LocalPaiDlc.ENV_TOTAL_STEPS, totalSteps);
  }

  @Test
  void jobWalksTheLifecycleInOrder() {
    String id = DlcCalls.create(pai, env(jobBody("lifecycle", 2), LocalPaiDlc.ENV_TOTAL_STEPS, 5));
    JsonNode job = DlcCalls.awaitEnd(pai, id);

    assertThat(job.get("Status").asText()).isEqualTo("Succeeded");
    assertThat(DlcCalls.statuses(job))
        .containsExactly("Creating", "Queuing", "EnvPreparing", "Running", "Succeeded");
    JsonNode history = job.get("StatusHistory");
    for (int i = 0; i < history.size() - 1; i++) {
      assertThat(history.get(i).get("EndTime").asText())
          .isEqualTo(history.get(i + 1).get("StartTime").asText());
    }
    assertThat(history.get(history.size() - 1).has("EndTime")).isFalse();
    assertThat(job.get("ReasonCode").asText()).isEqualTo("JobSucceeded");
    for (String field :
        List.of(
            "GmtCreateTime",
            "GmtSubmittedTime",
            "GmtRunningTime",
            "GmtSuccessedTime",
            "GmtFinishTime")) {
      assertThat(job.get(field).asText()).as(field).endsWith("Z");
    }
    assertThat(job.has("GmtFailedTime")).isFalse();
    assertThat(job.get("Pods")).hasSize(2);
    for (JsonNode pod : job.get("Pods")) {
      assertThat(pod.get("Status").asText()).isEqualTo("Succeeded");
      assertThat(pod.get("SubStatus").asText()).isEqualTo("Normal");
      assertThat(pod.get("Ip").asText()).matches("10\\.\\d+\\.\\d+\\.\\d+");
      assertThat(pod.get("Type").asText()).isEqualTo("Worker");
      assertThat(pod.get("GmtStartTime").asText()).endsWith("Z");
    }
    assertThat(job.at("/JobReplicaStatuses/0/Dequeued").asInt()).isEqualTo(2);
    // 5 steps at 30 steps per emulated minute: 10 emulated seconds of training.
    assertThat(job.get("Duration").asLong()).isEqualTo(10);
  }

  @Test
  void trainingWritesCheckpointsWithMarkersToTheMappedDirectory() throws IOException {
    String id = DlcCalls.create(pai, training("ckpt", "oss://ckpt-bucket/runs/plain/", 25));
    assertThat(DlcCalls.awaitEnd(pai, id).get("Status").asText()).isEqualTo("Succeeded");

    Path dir = localPai.storagePath("oss://ckpt-bucket/runs/plain");
    assertThat(dir).isEqualTo(localPai.dataDirectory().resolve("oss/ckpt-bucket/runs/plain"));
    for (long step : List.of(10L, 20L, 25L)) {
      Path ckpt = dir.resolve(LocalPaiDlc.checkpointDirectoryName(step));
      assertThat(ckpt.resolve(LocalPaiDlc.CHECKPOINT_MARKER)).isRegularFile();
      assertThat(Files.readString(ckpt.resolve(LocalPaiDlc.CHECKPOINT_PAYLOAD)))
          .contains("\"step\":" + step, "\"jobId\":\"" + id + "\"");
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("step-10", "step-20", "step-25");
    }
    DlcTrainingRecord record = localPai.dlc().training(id).orElseThrow();
    assertThat(record.outcome()).isEqualTo(DlcTrainingRecord.Outcome.SUCCEEDED);
    assertThat(record.checkpointSteps()).containsExactly(10L, 20L, 25L);
    assertThat(record.stepsExecuted()).isEqualTo(25);
    assertThat(record.lostSteps()).isZero();
    assertThat(record.checkpointDirectory()).contains(dir);
    assertThat(record.checkpointUri()).contains("oss://ckpt-bucket/runs/plain/");

    String pod = id + "-worker-0";
    List<String> logs = DlcCalls.texts(DlcCalls.logs(pai, id, pod, Map.of()).get("Logs"));
    assertThat(logs)
        .anyMatch(
            l ->
                l.endsWith(
                    "No complete checkpoint in oss://ckpt-bucket/runs/plain/; starting from step 0."))
        .anyMatch(l -> l.endsWith("Saved checkpoint step-20."));
  }

  @Test
  void mountPathMapsThroughDataSources() {
    ObjectNode body = training("mounted", "/mnt/ckpt/run-7", 10);
    body.putArray("DataSources")
        .addObject()
        .put("Uri", "oss://mount-bucket.oss-cn-shanghai-internal.aliyuncs.com/team/")
        .put("MountPath", "/mnt/ckpt/");
    String id = DlcCalls.create(pai, body);
    DlcCalls.awaitEnd(pai, id);
    Path dir = localPai.dataDirectory().resolve("oss/mount-bucket/team/run-7");
    assertThat(dir.resolve("step-10/_COMPLETE")).isRegularFile();
    assertThat(localPai.dlc().training(id).orElseThrow().checkpointUri())
        .contains("oss://mount-bucket.oss-cn-shanghai-internal.aliyuncs.com/team/run-7");
  }

  @Test
  void spotReclamationFailsTheJobAndLeavesAHalfWrittenCheckpoint() throws IOException {
    String uri = "oss://ckpt-bucket/runs/spot/";
    localPai.faults().preemptNextSpotDlcJob(40);
    ObjectNode body = spot(training("spot-run", uri, 100));
    env(body, LocalPaiDlc.ENV_ATTEMPT, 1);
    String first = DlcCalls.create(pai, body);
    JsonNode job = DlcCalls.awaitEnd(pai, first);

    assertThat(job.get("Status").asText()).isEqualTo("Failed");
    assertThat(job.get("ReasonCode").asText()).isEqualTo("SpotInstanceReclaimed");
    assertThat(job.get("ReasonMessage").asText()).contains("spot instance", "reclaimed");
    assertThat(job.has("GmtFailedTime")).isTrue();
    assertThat(job.at("/Pods/0/Status").asText()).isEqualTo("Failed");
    assertThat(job.at("/Pods/0/SubStatus").asText()).isEqualTo("Evicted");
    assertThat(job.at("/JobReplicaStatuses/0/CurrentSpotInstanceType").asText())
        .isEqualTo(DlcCalls.GPU);
    assertThat(DlcCalls.events(pai, first))
        .anyMatch(e -> e.contains("Warning SpotInstanceReclaimed"))
        .anyMatch(e -> e.contains("Warning Evicted"));

    Path dir = localPai.storagePath(uri);
    assertThat(dir.resolve("step-30/_COMPLETE")).isRegularFile();
    assertThat(dir.resolve("step-40/checkpoint.json")).isRegularFile();
    assertThat(dir.resolve("step-40/_COMPLETE")).doesNotExist();
    DlcTrainingRecord lost = localPai.dlc().training(first).orElseThrow();
    assertThat(lost.outcome()).isEqualTo(DlcTrainingRecord.Outcome.PREEMPTED);
    assertThat(lost.lastStep()).isEqualTo(40);
    assertThat(lost.lastCompleteCheckpointStep()).isEqualTo(30);
    assertThat(lost.lostSteps()).isEqualTo(10);
    assertThat(lost.incompleteCheckpointStep()).hasValue(40);

    // The next attempt resumes from the newest complete checkpoint and skips the torn one.
    env(body, LocalPaiDlc.ENV_ATTEMPT, 2);
    String second = DlcCalls.create(pai, body);
    assertThat(DlcCalls.awaitEnd(pai, second).get("Status").asText()).isEqualTo("Succeeded");
    DlcTrainingRecord resumed = localPai.dlc().training(second).orElseThrow();
    assertThat(resumed.attempt()).hasValue(2);
    assertThat(resumed.resumedFromStep()).isEqualTo(30);
    assertThat(resumed.stepsExecuted()).isEqualTo(70);
    assertThat(resumed.checkpointSteps()).startsWith(40L).endsWith(100L);
    assertThat(dir.resolve("step-40/_COMPLETE")).isRegularFile();
    List<String> logs =
        DlcCalls.texts(DlcCalls.logs(pai, second, second + "-worker-0", Map.of()).get("Logs"));
    assertThat(logs)
        .anyMatch(l -> l.endsWith("Skipping incomplete checkpoint step-40 (no _COMPLETE)."))
        .anyMatch(l -> l.endsWith("Resuming from checkpoint step-30 in " + uri + "."))
        .noneMatch(l -> l.contains("step 30/100"));
  }

  @Test
  void reclamationBetweenCheckpointsLeavesNoTornDirectory() {
    String uri = "oss://ckpt-bucket/runs/between/";
    String id = DlcCalls.create(pai, spot(training("spot-between", uri, 100)));
    localPai.faults().preemptDlcJob(id, 27);
    DlcCalls.awaitEnd(pai, id);
    DlcTrainingRecord r = localPai.dlc().training(id).orElseThrow();
    assertThat(r.outcome()).isEqualTo(DlcTrainingRecord.Outcome.PREEMPTED);
    assertThat(r.lastStep()).isEqualTo(27);
    assertThat(r.lostSteps()).isEqualTo(7);
    assertThat(r.incompleteCheckpointStep()).isEmpty();
    assertThat(localPai.storagePath(uri).resolve("step-30")).doesNotExist();
  }

  @Test
  void onlySpotJobsCanBeReclaimed() {
    String id =
        DlcCalls.create(pai, env(jobBody("on-demand", 1), LocalPaiDlc.ENV_TOTAL_STEPS, 1_000_000));
    assertThatThrownBy(() -> localPai.faults().preemptDlcJob(id, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SpotSpec");
    DlcCalls.stop(pai, id);
  }

  @Test
  void resumeFromStepGivenByTheSdk() throws IOException {
    String uri = "oss://ckpt-bucket/runs/explicit/";
    String first = DlcCalls.create(pai, training("explicit-1", uri, 30));
    DlcCalls.awaitEnd(pai, first);

    ObjectNode again = env(training("explicit-2", uri, 30), LocalPaiDlc.ENV_RESUME_FROM_STEP, 10);
    String second = DlcCalls.create(pai, again);
    assertThat(DlcCalls.awaitEnd(pai, second).get("Status").asText()).isEqualTo("Succeeded");
    assertThat(localPai.dlc().training(second).orElseThrow().resumedFromStep()).isEqualTo(10);

    ObjectNode missing = env(training("explicit-3", uri, 30), LocalPaiDlc.ENV_RESUME_FROM_STEP, 15);
    String third = DlcCalls.create(pai, missing);
    JsonNode failed = DlcCalls.awaitEnd(pai, third);
    assertThat(failed.get("Status").asText()).isEqualTo("Failed");
    assertThat(failed.get("ReasonCode").asText()).isEqualTo("JobFailed");
    assertThat(DlcCalls.texts(DlcCalls.logs(pai, third, third + "-worker-0", Map.of()).get("Logs")))
        .anyMatch(l -> l.contains("FileNotFoundError: checkpoint step-15"));
  }

  @Test
  void injectedScriptFailureExitsWithItsCodeAndTraceback() {
    localPai.faults().failNextDlcJob(15, 3);
    String id = DlcCalls.create(pai, training("user-error", "oss://ckpt-bucket/runs/crash/", 50));
    JsonNode job = DlcCalls.awaitEnd(pai, id);
    assertThat(job.get("Status").asText()).isEqualTo("Failed");
    assertThat(job.get("ReasonCode").asText()).isEqualTo("JobFailed");
    assertThat(job.get("ReasonMessage").asText()).contains("exited with code 3");
    assertThat(job.at("/Pods/0/SubStatus").asText()).isEqualTo("Normal");
    List<String> logs =
        DlcCalls.texts(DlcCalls.logs(pai, id, id + "-worker-0", Map.of()).get("Logs"));
    assertThat(logs)
        .anyMatch(l -> l.endsWith("Traceback (most recent call last):"))
        .anyMatch(l -> l.contains("RuntimeError: injected failure at step 15"));
    DlcTrainingRecord r = localPai.dlc().training(id).orElseThrow();
    assertThat(r.outcome()).isEqualTo(DlcTrainingRecord.Outcome.FAILED);
    assertThat(r.lastStep()).isEqualTo(15);
    assertThat(r.lostSteps()).isEqualTo(5);
  }

  @Test
  void badTrainingSettingFailsTheScriptAtStart() {
    String id =
        DlcCalls.create(pai, env(jobBody("bad-env", 1), LocalPaiDlc.ENV_TOTAL_STEPS, "many"));
    assertThat(DlcCalls.awaitEnd(pai, id).get("Status").asText()).isEqualTo("Failed");
    assertThat(DlcCalls.texts(DlcCalls.logs(pai, id, id + "-worker-0", Map.of()).get("Logs")))
        .anyMatch(l -> l.contains("ValueError: PAILOT_TOTAL_STEPS must be a positive integer"));
  }

  @Test
  void podThatNeverStartsKeepsTheJobPreparingUntilStopped() {
    localPai.faults().nextDlcJobPodNeverStarts();
    String id = DlcCalls.create(pai, jobBody("stuck-pod", 3));
    DlcCalls.awaitEvent(pai, id, "ImagePullBackOff");
    JsonNode job = DlcCalls.get(pai, id);
    assertThat(job.get("Status").asText()).isEqualTo("EnvPreparing");
    assertThat(job.at("/Pods/0/Status").asText()).isEqualTo("Running");
    assertThat(job.at("/Pods/2/Status").asText()).isEqualTo("Pending");
    assertThat(job.has("GmtRunningTime")).isFalse();

    DlcCalls.stop(pai, id);
    JsonNode stopped = DlcCalls.awaitEnd(pai, id);
    assertThat(stopped.get("Status").asText()).isEqualTo("Stopped");
    assertThat(DlcCalls.statuses(stopped)).endsWith("EnvPreparing", "Stopping", "Stopped");
  }

  @Test
  void stoppedJobReportsTheUserAndKeepsItsCheckpoints() {
    String uri = "oss://ckpt-bucket/runs/stopped/";
    String id = DlcCalls.create(pai, training("stop-me", uri, 1_000_000));
    DlcCalls.await(
        () -> localPai.dlc().training(id).orElseThrow(), r -> r.checkpointSteps().size() >= 2);
    DlcCalls.stop(pai, id);
    JsonNode job = DlcCalls.awaitEnd(pai, id);
    assertThat(job.get("Status").asText()).isEqualTo("Stopped");
    assertThat(job.get("ReasonCode").asText()).isEqualTo("JobStoppedByUser");
    assertThat(job.get("ReasonMessage").asText()).isEqualTo("Job is stopped by user.");
    assertThat(job.has("GmtStoppedTime")).isTrue();
    assertThat(DlcCalls.statuses(job)).endsWith("Running", "Stopping", "Stopped");
    DlcTrainingRecord r = localPai.dlc().training(id).orElseThrow();
    assertThat(r.outcome()).isEqualTo(DlcTrainingRecord.Outcome.STOPPED);
    assertThat(r.checkpointSteps()).isNotEmpty();
    for (long step : r.checkpointSteps()) {
      assertThat(localPai.storagePath(uri).resolve("step-" + step + "/_COMPLETE")).isRegularFile();
    }
    // Stopping an ended job again is harmless.
    assertThat(DlcCalls.stop(pai, id).get("JobId").asText()).isEqualTo(id);
  }

  @Test
  void runningTimeLimitFailsTheJob() {
    ObjectNode body = env(jobBody("too-long", 1), LocalPaiDlc.ENV_TOTAL_STEPS, 1_000_000);
    body.put("JobMaxRunningTimeMinutes", 2);
    String id = DlcCalls.create(pai, body);
    JsonNode job = DlcCalls.awaitEnd(pai, id);
    assertThat(job.get("Status").asText()).isEqualTo("Failed");
    assertThat(job.get("ReasonCode").asText()).isEqualTo("JobRunningTimeout");
    // 2 emulated minutes at 30 steps per minute.
    assertThat(localPai.dlc().training(id).orElseThrow().lastStep()).isEqualTo(60);
    assertThat(job.get("Duration").asLong()).isEqualTo(120);
  }

  @Test
  void seededRandomReclamationIsRepeatable() {
    List<Long> reclaimedAt = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (LocalPai own = LocalPai.start(DlcCalls.options(LocalPaiDlcOptions.defaults()));
          Pai client = Calls.client(own)) {
        // Ten reclamations per emulated hour against 100 emulated minutes of training.
        own.faults().dlcSpotPreemptionRate(10);
        String id =
            DlcCalls.create(client, spot(training("random-spot", "oss://b/random/", 2_000)));
        JsonNode job = DlcCalls.awaitEnd(client, id);
        assertThat(job.get("ReasonCode").asText()).isEqualTo("SpotInstanceReclaimed");
        DlcTrainingRecord r = own.dlc().training(id).orElseThrow();
        assertThat(r.outcome()).isEqualTo(DlcTrainingRecord.Outcome.PREEMPTED);
        assertThat(r.lastStep()).isBetween(1L, 1_999L);
        reclaimedAt.add(r.lastStep());
      }
    }
    assertThat(reclaimedAt.get(1)).isEqualTo(reclaimedAt.get(0));
  }
}
