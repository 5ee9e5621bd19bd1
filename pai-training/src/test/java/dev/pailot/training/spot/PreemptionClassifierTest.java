package dev.pailot.training.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import dev.pailot.training.JobStatus;
import dev.pailot.training.Pod;
import dev.pailot.training.PodStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default preemption rules, and rules users add. */
class PreemptionClassifierTest {
  private static final PreemptionClassifier DEFAULTS = PreemptionClassifier.defaults();

  private static Job.Builder failed() {
    return Job.builder().id("dlc1").status(JobStatus.FAILED);
  }

  private static Pod pod(String subStatus) {
    return Pod.builder().id("dlc1-worker-0").status(PodStatus.FAILED).subStatus(subStatus).build();
  }

  private static List<JobEvent> events(String... texts) {
    return java.util.Arrays.stream(texts).map(t -> JobEvent.builder().text(t).build()).toList();
  }

  @Test
  void aReclaimReasonCodeIsAPreemption() {
    assertThat(DEFAULTS.preemption(failed().reasonCode("SpotInstanceReclaimed").build(), List.of()))
        .hasValue("ReasonCode SpotInstanceReclaimed");
    assertThat(DEFAULTS.preemption(failed().reasonCode("preempted").build(), List.of()))
        .isPresent();
  }

  @Test
  void anEvictedPodOrAnEarlierIncarnationIsAPreemption() {
    assertThat(DEFAULTS.preemption(failed().addPods(pod("Evicted")).build(), List.of()))
        .hasValue("pod dlc1-worker-0 sub-status Evicted");
    Pod restarted =
        Pod.builder()
            .id("dlc1-worker-0")
            .status(PodStatus.FAILED)
            .subStatus("Normal")
            .addHistory(pod("Evicted"))
            .build();
    assertThat(DEFAULTS.preemption(failed().addPods(restarted).build(), List.of())).isPresent();
  }

  @Test
  void aReclaimEventOrMessageIsAPreemption() {
    assertThat(
            DEFAULTS.preemption(
                failed().reasonCode("JobFailed").build(),
                events("2026-01-12T10:00:00Z Warning: the instance will be reclaimed")))
        .hasValue("event \"2026-01-12T10:00:00Z Warning: the instance will be reclaimed\"");
    assertThat(
            DEFAULTS.preemption(
                failed().reasonMessage("Node preempted by a higher bid").build(), List.of()))
        .isPresent();
  }

  @Test
  void anOrdinaryFailureIsNot() {
    Job crashed =
        failed()
            .reasonCode("JobFailed")
            .reasonMessage("Pod dlc1-worker-0 exited with code 1; the job failed.")
            .addPods(pod("Normal"))
            .build();

    assertThat(DEFAULTS.preemption(crashed, events("PodFailed: exited with code 1"))).isEmpty();
  }

  @Test
  void onlyAFailedJobCanBePreempted() {
    Job stopped =
        Job.builder().id("dlc1").status(JobStatus.STOPPED).addPods(pod("Evicted")).build();

    assertThat(DEFAULTS.preemption(stopped, List.of())).isEmpty();
  }

  @Test
  void usersAddCodesAndPatterns() {
    DefaultPreemptionClassifier own =
        DefaultPreemptionClassifier.builder()
            .addReasonCodes("NodeRecycled")
            .addPatterns("(?i)instance .* released")
            .build();

    assertThat(own.preemption(failed().reasonCode("NODERECYCLED").build(), List.of())).isPresent();
    assertThat(own.preemption(failed().build(), events("Instance i-123 was released"))).isPresent();
    assertThat(own.reasonCodes()).contains("spotinstancereclaimed", "noderecycled");
    DefaultPreemptionClassifier onlyCodes =
        DefaultPreemptionClassifier.builder().clear().addReasonCodes("Gone").build();
    assertThat(onlyCodes.preemption(failed().addPods(pod("Evicted")).build(), List.of())).isEmpty();
    assertThatThrownBy(() -> DefaultPreemptionClassifier.builder().addPatterns("("))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("patterns");
  }
}
