package dev.pailot.training.spot;

import java.util.ArrayList;
import java.util.List;

/** GetJob bodies for the spot run tests, built fluently: a two-worker spot job by default. */
final class FakeJob {
  private final String id;
  private String status = "Running";
  private String reasonCode = "";
  private String reasonMessage = "";
  private final List<String[]> pods = new ArrayList<>();
  private long duration = 60;
  private boolean finished;
  private boolean times = true;

  private FakeJob(String id) {
    this.id = id;
  }

  static FakeJob of(String id) {
    return new FakeJob(id);
  }

  static String running(String id) {
    return of(id).pods("Running", "Running").json();
  }

  static String queuing(String id) {
    return of(id).status("Queuing").json();
  }

  static String succeeded(String id) {
    return of(id)
        .status("Succeeded")
        .reason("JobSucceeded", "The job has completed successfully.")
        .pods("Succeeded", "Succeeded")
        .finished()
        .json();
  }

  static String preempted(String id) {
    return of(id)
        .status("Failed")
        .reason(
            "SpotInstanceReclaimed", "The spot instance of pod " + id + "-worker-0 was reclaimed")
        .pod("Failed", "Evicted")
        .pod("Failed", "Evicted")
        .finished()
        .json();
  }

  static String failed(String id) {
    return of(id)
        .status("Failed")
        .reason("JobFailed", "Pod " + id + "-worker-0 exited with code 1; the job failed.")
        .pods("Failed", "Failed")
        .finished()
        .json();
  }

  static String stopped(String id) {
    return of(id)
        .status("Stopped")
        .reason("JobStoppedByUser", "Job is stopped by user.")
        .pods("Failed", "Failed")
        .finished()
        .json();
  }

  FakeJob status(String s) {
    this.status = s;
    return this;
  }

  FakeJob reason(String code, String message) {
    this.reasonCode = code;
    this.reasonMessage = message;
    return this;
  }

  FakeJob pods(String... statuses) {
    for (String s : statuses) {
      pod(s, "Normal");
    }
    return this;
  }

  FakeJob pod(String podStatus, String subStatus) {
    pods.add(new String[] {podStatus, subStatus});
    return this;
  }

  FakeJob duration(long seconds) {
    this.duration = seconds;
    return this;
  }

  /** Leaves out every timestamp, so only {@code Duration} tells the running time. */
  FakeJob noTimes() {
    this.times = false;
    return this;
  }

  FakeJob finished() {
    this.finished = true;
    return this;
  }

  String json() {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < pods.size(); i++) {
      String[] pod = pods.get(i);
      p.append(i == 0 ? "" : ",")
          .append(
              """
              {"PodId":"%s-worker-%d","Type":"Worker","Status":"%s","SubStatus":"%s"%s}"""
                  .formatted(
                      id,
                      i,
                      pod[0],
                      pod[1],
                      "Pending".equals(pod[0]) || !times
                          ? ""
                          : ",\"GmtStartTime\":\"2026-01-12T10:01:00Z\""));
    }
    boolean ran = !pods.isEmpty() && !"Queuing".equals(status);
    return """
        {"RequestId":"req-get","JobId":"%s","DisplayName":"sft","JobType":"PyTorchJob",
         "Status":"%s","ReasonCode":"%s","ReasonMessage":"%s",
         "Pods":[%s],
         "JobSpecs":[{"Type":"Worker","Image":"trainer:2.3.0","PodCount":2,
                      "EcsSpec":"ecs.gn7i-c8g1.2xlarge",
                      "SpotSpec":{"SpotStrategy":"SpotWithPriceLimit","SpotDiscountLimit":0.5}}],
         "GmtCreateTime":"2026-01-12T10:00:00Z"%s%s,"Duration":%d}
        """
        .formatted(
            id,
            status,
            reasonCode,
            reasonMessage,
            p,
            times && (ran && "Running".equals(status) || finished)
                ? ",\"GmtRunningTime\":\"2026-01-12T10:01:00Z\""
                : "",
            times && finished ? ",\"GmtFinishTime\":\"2026-01-12T11:01:00Z\"" : "",
            ran ? duration : 0);
  }
}
