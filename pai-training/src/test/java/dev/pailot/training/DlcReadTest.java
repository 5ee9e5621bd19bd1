package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pailot.training.DlcStubs.JOBS;
import static dev.pailot.training.DlcStubs.error;
import static dev.pailot.training.DlcStubs.jobJson;
import static dev.pailot.training.DlcStubs.jobList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GetJob, ListJobs, StopJob, DeleteJob, GetJobEvents, GetPodLogs: requests and mapping. */
class DlcReadTest {
  @RegisterExtension static WireMockExtension wm = DlcStubs.server();

  private Pai pai;
  private DlcClient dlc;

  @BeforeEach
  void setUp() {
    pai = DlcStubs.pai(wm, DlcStubs.events());
    dlc = DlcClient.create(pai);
  }

  @AfterEach
  void tearDown() {
    dlc.close();
    pai.close();
  }

  @Test
  void getJobMapsEveryReportedField() {
    wm.stubFor(get(urlPathEqualTo(JOBS + "/dlc1")).willReturn(okJson(jobJson("dlc1", "Running"))));

    Job job = dlc.getJob("dlc1");

    assertThat(job.id()).isEqualTo("dlc1");
    assertThat(job.displayName()).isEqualTo("llm-sft-run-01");
    assertThat(job.jobType()).hasValue(JobType.PYTORCH_JOB);
    assertThat(job.workspaceId()).hasValue("12345");
    assertThat(job.workspaceName()).hasValue("llm_prod");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.subStatus()).hasValue("Restarting");
    assertThat(job.reasonCode()).hasValue("JobStoppedByUser");
    assertThat(job.reasonMessage()).hasValue("Job is stopped by user.");
    assertThat(job.statusHistory()).hasSize(2);
    assertThat(job.statusHistory().get(0).status()).isEqualTo(JobStatus.CREATING);
    assertThat(job.statusHistory().get(0).endedAt())
        .hasValue(Instant.parse("2026-01-12T14:35:05Z"));
    assertThat(job.statusHistory().get(1).endedAt()).isEmpty();
    assertThat(job.replicaStatuses())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.role()).isEqualTo("Worker");
              assertThat(r.active()).isEqualTo(2);
              assertThat(r.estimatedPodCount()).hasValue(2);
            });
    assertThat(job.roles())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.podCount()).isEqualTo(2);
              assertThat(r.ecsSpec()).hasValue("ecs.gn7i-c8g1.2xlarge");
              assertThat(r.spot()).isTrue();
            });
    assertThat(job.envs()).containsEntry("NCCL_DEBUG", "INFO");
    assertThat(job.userCommand()).hasValue("python train.py");
    assertThat(job.resourceType()).hasValue("ECS");
    assertThat(job.priority()).hasValue(5);
    assertThat(job.restartTimes()).hasValue("0/3");
    assertThat(job.createdAt()).hasValue(Instant.parse("2026-01-12T14:35:01Z"));
    assertThat(job.submittedAt()).hasValue(Instant.parse("2026-01-12T14:35:02Z"));
    assertThat(job.runningAt()).hasValue(Instant.parse("2026-01-12T14:36:00Z"));
    assertThat(job.finishedAt()).hasValue(Instant.parse("2026-01-12T16:36:00Z"));
    assertThat(job.duration()).hasValue(Duration.ofHours(2));
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc1"))
            .withQueryParam("NeedDetail", equalTo("true"))
            .withHeader("x-acs-action", equalTo("GetJob"))
            .withHeader("x-acs-version", equalTo("2020-12-03"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*")));
  }

  @Test
  void podsCarryStatusAndHistory() {
    wm.stubFor(get(urlPathEqualTo(JOBS + "/dlc1")).willReturn(okJson(jobJson("dlc1", "Running"))));

    Job job = dlc.getJob("dlc1");

    Pod worker = job.pod("dlc1-worker-0").orElseThrow();
    assertThat(worker.status()).isEqualTo(PodStatus.RUNNING);
    assertThat(worker.uid()).hasValue("uid-0");
    assertThat(worker.role()).isEqualTo("Worker");
    assertThat(worker.ip()).hasValue("10.0.0.5");
    assertThat(worker.nodeName()).hasValue("node-a");
    assertThat(worker.startedAt()).hasValue(Instant.parse("2026-01-12T14:36:00Z"));
    assertThat(worker.history())
        .singleElement()
        .satisfies(
            old -> {
              assertThat(old.status()).isEqualTo(PodStatus.FAILED);
              assertThat(old.subStatus()).hasValue("Evicted");
            });
    assertThat(job.pod("dlc1-master-0").map(Pod::status)).hasValue(PodStatus.PENDING);
  }

  @ParameterizedTest
  @EnumSource(value = JobStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
  void everyDocumentedJobStatusMaps(JobStatus status) {
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc1"))
            .willReturn(okJson(jobJson("dlc1", status.wireValue()))));

    Job job = dlc.getJob("dlc1");

    assertThat(job.status()).isEqualTo(status);
    assertThat(job.statusText()).isEqualTo(status.wireValue());
    assertThat(job.statusHistory().get(1).status()).isEqualTo(status);
  }

  @Test
  void unknownStatusKeepsTheText() {
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc1")).willReturn(okJson(jobJson("dlc1", "Hibernating"))));

    Job job = dlc.getJob("dlc1");

    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.statusText()).isEqualTo("Hibernating");
    assertThat(job.status().isTerminal()).isFalse();
  }

  @Test
  void terminalStatesAreSucceededFailedStopped() {
    assertThat(List.of(JobStatus.values()).stream().filter(JobStatus::isTerminal))
        .containsExactly(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.STOPPED);
    assertThat(PodStatus.fromWire("Unknown")).isEqualTo(PodStatus.UNKNOWN);
    assertThat(PodStatus.fromWire("Succeeded")).isEqualTo(PodStatus.SUCCEEDED);
  }

  @Test
  void missingJobIsResourceNotFoundNamingIt() {
    wm.stubFor(get(urlPathEqualTo(JOBS + "/dlc404")).willReturn(error(404, "JobNotFound")));

    assertThatThrownBy(() -> dlc.getJob("dlc404"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("DLC job dlc404 does not exist")
        .hasMessageContaining("Fix:");
  }

  @Test
  void listJobsSendsEveryFilter() {
    wm.stubFor(get(urlPathEqualTo(JOBS)).willReturn(okJson(jobList(0))));
    JobFilter filter =
        JobFilter.builder()
            .workspaceId("12345")
            .displayName("sft")
            .status(JobStatus.SUCCEEDED_RESERVING)
            .jobType(JobType.PYTORCH_JOB)
            .resourceId("quota1")
            .putTags("team", "llm")
            .addJobIds("dlc1", "dlc2")
            .createdAfter(Instant.parse("2026-01-01T00:00:00.123Z"))
            .createdBefore(Instant.parse("2026-01-31T00:00:00Z"))
            .showOwn(true)
            .sortBy(JobFilter.SortField.CREATE_TIME)
            .order(JobFilter.Order.ASC)
            .pageSize(50)
            .build();

    assertThat(dlc.listJobs(filter).stream().toList()).isEmpty();

    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS))
            .withHeader("x-acs-action", equalTo("ListJobs"))
            .withHeader("x-acs-version", equalTo("2020-12-03"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*"))
            .withQueryParam("WorkspaceId", equalTo("12345"))
            .withQueryParam("DisplayName", equalTo("sft"))
            .withQueryParam("Status", equalTo("SucceededReserving"))
            .withQueryParam("JobType", equalTo("PyTorchJob"))
            .withQueryParam("ResourceId", equalTo("quota1"))
            .withQueryParam("Tags", equalTo("{\"team\":\"llm\"}"))
            .withQueryParam("JobIds", equalTo("dlc1,dlc2"))
            .withQueryParam("StartTime", equalTo("2026-01-01T00:00:00Z"))
            .withQueryParam("EndTime", equalTo("2026-01-31T00:00:00Z"))
            .withQueryParam("ShowOwn", equalTo("true"))
            .withQueryParam("SortBy", equalTo("GmtCreateTime"))
            .withQueryParam("Order", equalTo("asc"))
            .withQueryParam("PageNumber", equalTo("1"))
            .withQueryParam("PageSize", equalTo("50")));
  }

  @Test
  void listJobsPagesLazilyOverTwoPages() {
    wm.stubFor(
        get(urlPathEqualTo(JOBS))
            .withQueryParam("PageNumber", equalTo("1"))
            .willReturn(okJson(jobList(25, jobs(1, 20)))));
    wm.stubFor(
        get(urlPathEqualTo(JOBS))
            .withQueryParam("PageNumber", equalTo("2"))
            .willReturn(okJson(jobList(25, jobs(21, 25)))));

    assertThat(dlc.listJobs().stream().findFirst()).map(Job::id).hasValue("dlc1");
    wm.verify(1, getRequestedFor(urlPathEqualTo(JOBS)));

    List<Job> all = dlc.listJobs().stream().toList();

    assertThat(all).hasSize(25);
    assertThat(all.get(24).id()).isEqualTo("dlc25");
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS))
            .withQueryParam("PageNumber", equalTo("2"))
            .withQueryParam("PageSize", equalTo("20")));
    wm.verify(3, getRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void stopAndDeleteUseTheirPaths() {
    wm.stubFor(
        post(urlPathEqualTo(JOBS + "/dlc1/stop")).willReturn(okJson("{\"JobId\":\"dlc1\"}")));
    wm.stubFor(delete(urlPathEqualTo(JOBS + "/dlc1")).willReturn(okJson("{\"JobId\":\"dlc1\"}")));
    wm.stubFor(delete(urlPathEqualTo(JOBS + "/gone")).willReturn(error(404, "JobNotFound")));

    dlc.stopJob("dlc1");

    assertThat(dlc.deleteJob("dlc1")).isTrue();
    assertThat(dlc.deleteJob("gone")).isFalse();
    wm.verify(
        postRequestedFor(urlPathEqualTo(JOBS + "/dlc1/stop"))
            .withHeader("x-acs-action", equalTo("StopJob"))
            .withHeader("x-acs-version", equalTo("2020-12-03")));
    wm.verify(
        deleteRequestedFor(urlPathEqualTo(JOBS + "/dlc1"))
            .withHeader("x-acs-action", equalTo("DeleteJob"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*")));
  }

  @Test
  void eventsAreReadWithTheirTimestamps() {
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc1/events"))
            .willReturn(
                okJson(
                    """
                    {"JobId":"dlc1","RequestId":"r","Events":[
                      "2026-01-12T14:35:06Z Scheduled pod dlc1-worker-0 on node-a",
                      "Pulling image"]}
                    """)));

    List<JobEvent> events = dlc.events("dlc1", 50);

    assertThat(events).hasSize(2);
    assertThat(events.get(0).time()).hasValue(Instant.parse("2026-01-12T14:35:06Z"));
    assertThat(events.get(1).text()).isEqualTo("Pulling image");
    assertThat(events.get(1).time()).isEmpty();
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc1/events"))
            .withHeader("x-acs-action", equalTo("GetJobEvents"))
            .withHeader("x-acs-version", equalTo("2020-12-03"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*"))
            .withQueryParam("MaxEventsNum", equalTo("50")));
  }

  @Test
  void podLogsKeepTheLastLines() {
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc1/pods/dlc1-worker-0/logs"))
            .willReturn(
                okJson(
                    "{\"JobId\":\"dlc1\",\"PodId\":\"dlc1-worker-0\",\"Logs\":"
                        + "[\"epoch 1\",\"epoch 2\",\"epoch 3\"]}")));

    assertThat(dlc.podLogs("dlc1", "dlc1-worker-0", 2)).containsExactly("epoch 2", "epoch 3");
    wm.verify(
        getRequestedFor(urlPathEqualTo(JOBS + "/dlc1/pods/dlc1-worker-0/logs"))
            .withHeader("x-acs-action", equalTo("GetPodLogs"))
            .withHeader("x-acs-version", equalTo("2020-12-03"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*"))
            .withQueryParam("MaxLines", equalTo("2")));
  }

  private static String[] jobs(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "{\"JobId\":\"dlc" + i + "\",\"Status\":\"Running\"}")
        .toArray(String[]::new);
  }
}
