package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.DlcCalls.env;
import static dev.pailot.testkit.localpai.DlcCalls.jobBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gang scheduling on a finite cluster: a job starts only when all its pods fit, finished jobs free
 * capacity, and the queue is ordered by priority, then submission.
 */
class LocalPaiDlcSchedulingTest {
  private LocalPai localPai;
  private Pai pai;

  private void start(LocalPaiDlcOptions dlc) {
    localPai = LocalPai.start(DlcCalls.options(dlc));
    pai = Calls.client(localPai);
  }

  @AfterEach
  void stop() {
    pai.close();
    localPai.close();
  }

  /** A job that trains until stopped. */
  private String endless(String name, int pods, int priority) {
    ObjectNode body = env(jobBody(name, pods), LocalPaiDlc.ENV_TOTAL_STEPS, 1_000_000);
    return DlcCalls.create(pai, body.put("Priority", priority));
  }

  @Test
  void gangJobQueuesUntilAllItsPodsFit() {
    start(LocalPaiDlcOptions.builder().podCapacity(4).build());
    String small = endless("holds-one-slot", 1, 1);
    DlcCalls.awaitStatus(pai, small, "Running");

    String gang = endless("needs-four", 4, 1);
    DlcCalls.awaitEvent(pai, gang, "InsufficientResource");
    JsonNode queued = DlcCalls.get(pai, gang);
    assertThat(queued.get("Status").asText()).isEqualTo("Queuing");
    assertThat(queued.get("Pods")).isEmpty();
    assertThat(queued.at("/JobReplicaStatuses/0/Queuing").asInt()).isEqualTo(4);

    DlcCalls.stop(pai, small);
    JsonNode running = DlcCalls.awaitStatus(pai, gang, "Running");
    assertThat(running.get("Pods")).hasSize(4);
    assertThat(DlcCalls.statuses(running))
        .containsExactly("Creating", "Queuing", "EnvPreparing", "Running");
    // The gang started when the stopped job released its pod, not before.
    JsonNode stopped = DlcCalls.get(pai, small);
    assertThat(running.get("StatusHistory").get(2).get("StartTime").asText())
        .isGreaterThanOrEqualTo(stopped.get("GmtStoppedTime").asText());
  }

  @Test
  void capacityPerInstanceTypeLimitsThatTypeOnly() {
    start(LocalPaiDlcOptions.builder().putPodCapacityPerInstanceType(DlcCalls.GPU, 2).build());
    String first = endless("gpu-a", 2, 1);
    DlcCalls.awaitStatus(pai, first, "Running");
    String second = endless("gpu-b", 1, 1);
    DlcCalls.awaitEvent(pai, second, "InsufficientResource");

    ObjectNode cpu = env(jobBody("cpu-job", 3), LocalPaiDlc.ENV_TOTAL_STEPS, 3);
    ((ObjectNode) cpu.get("JobSpecs").get(0)).put("EcsSpec", "ecs.g7.2xlarge");
    // Strict FIFO: the CPU job waits behind the blocked GPU job even though its type is free.
    String cpuJob = DlcCalls.create(pai, cpu);
    DlcCalls.awaitEvent(pai, cpuJob, "waiting behind job " + second);
    assertThat(DlcCalls.get(pai, cpuJob).get("Status").asText()).isEqualTo("Queuing");

    DlcCalls.stop(pai, first);
    DlcCalls.awaitStatus(pai, second, "Running");
    assertThat(DlcCalls.awaitEnd(pai, cpuJob).get("Status").asText()).isEqualTo("Succeeded");
    DlcCalls.stop(pai, second);
  }

  @Test
  void higherPriorityStartsFirstThenFifo() {
    start(LocalPaiDlcOptions.builder().podCapacity(1).build());
    String blocker = endless("blocker", 1, 1);
    DlcCalls.awaitStatus(pai, blocker, "Running");

    String low = endless("low-first", 1, 1);
    String high = endless("high-later", 1, 9);
    String lowSecond = endless("low-second", 1, 1);
    DlcCalls.awaitEvent(pai, high, "waiting for free capacity");
    DlcCalls.awaitEvent(pai, low, "waiting behind job " + high);
    DlcCalls.awaitEvent(pai, lowSecond, "waiting behind job " + high);

    DlcCalls.stop(pai, blocker);
    DlcCalls.awaitStatus(pai, high, "Running");
    assertThat(DlcCalls.get(pai, low).get("Status").asText()).isEqualTo("Queuing");

    DlcCalls.stop(pai, high);
    DlcCalls.awaitStatus(pai, low, "Running");
    assertThat(DlcCalls.get(pai, lowSecond).get("Status").asText()).isEqualTo("Queuing");

    DlcCalls.stop(pai, low);
    DlcCalls.awaitStatus(pai, lowSecond, "Running");
    DlcCalls.stop(pai, lowSecond);
  }

  @Test
  void jobLargerThanTheClusterDoesNotBlockOthers() {
    start(LocalPaiDlcOptions.builder().podCapacity(2).build());
    String huge = endless("too-big", 3, 9);
    DlcCalls.awaitEvent(pai, huge, "Unschedulable");
    String fits = DlcCalls.create(pai, env(jobBody("fits", 2), LocalPaiDlc.ENV_TOTAL_STEPS, 2));
    assertThat(DlcCalls.awaitEnd(pai, fits).get("Status").asText()).isEqualTo("Succeeded");
    assertThat(DlcCalls.get(pai, huge).get("Status").asText()).isEqualTo("Queuing");
    DlcCalls.stop(pai, huge);
    assertThat(DlcCalls.awaitEnd(pai, huge).get("Status").asText()).isEqualTo("Stopped");
  }
}
