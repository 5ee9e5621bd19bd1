package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.training.DlcStubs.JOBS;
import static dev.pailot.training.DlcStubs.jobJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.WaiterTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets in docs/training.md, compiled and run against WireMock. Keep them in sync. */
class TrainingGuideTest {
  @RegisterExtension static WireMockExtension wm = DlcStubs.server();

  private Pai pai;
  private DlcClient dlc;
  private final WaitOptions waitOptions = DlcStubs.fastWait();

  @BeforeEach
  void setUp() {
    pai = DlcStubs.pai(wm, DlcStubs.events());
    dlc = DlcClient.create(pai);
    wm.stubFor(post(urlEqualTo(JOBS)).willReturn(okJson("{\"JobId\":\"dlc1\"}")));
    String[] states = {"Creating", "Running", "Succeeded"};
    for (int i = 0; i < states.length; i++) {
      wm.stubFor(
          get(urlPathEqualTo(JOBS + "/dlc1"))
              .inScenario("life")
              .whenScenarioStateIs(i == 0 ? STARTED : states[i])
              .willReturn(okJson(jobJson("dlc1", states[i])))
              .willSetStateTo(states[Math.min(i + 1, states.length - 1)]));
    }
    wm.stubFor(
        get(urlPathMatching(JOBS + "/dlc1/pods/.*/logs"))
            .willReturn(okJson("{\"Logs\":[\"epoch 1 loss=2.31\",\"epoch 2 loss=1.87\"]}")));
    wm.stubFor(
        get(urlPathEqualTo(JOBS + "/dlc1/events"))
            .willReturn(okJson("{\"Events\":[\"2026-01-12T14:35:06Z Scheduled\"]}")));
    wm.stubFor(
        get(urlPathEqualTo(JOBS))
            .willReturn(okJson(DlcStubs.jobList(1, jobJson("dlc1", "Running")))));
  }

  @AfterEach
  void tearDown() {
    dlc.close();
    pai.close();
  }

  static JobSpec spec() {
    // tag::spec[]
    JobSpec spec =
        JobSpec.builder()
            .displayName("llm-sft-run-01")
            .jobType(JobType.PYTORCH_JOB)
            .workspaceId("12345")
            .userCommand("torchrun --nproc_per_node 1 train.py --data /mnt/data --ckpt /mnt/ckpt")
            .addRoles(
                RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                    .podCount(2)
                    .ecsSpec("ecs.gn7i-c8g1.2xlarge") // public pay-as-you-go resources
                    .spot(SpotSpec.ofDiscountLimit(0.5)) // at most half the on-demand price
                    .build())
            .addDataSources(DataSourceSpec.dataset("d-c0h44g3wlwkj8o4348", "/mnt/data/"))
            .checkpoint(
                "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/sft-01/", "/mnt/ckpt/")
            .putEnvs("NCCL_DEBUG", "INFO")
            .maxRunningTimeMinutes(24 * 60L)
            .userVpc(UserVpc.of("vpc-uf6abc", "vsw-uf6def", "sg-uf6ghi"))
            .settings(
                JobSettings.builder()
                    .aiMasterErrorMonitoring("--enable-job-restart True --max-num-of-job-restart 3")
                    .enableOssAppend(true)
                    .putTags("team", "llm")
                    .build())
            .build();
    // end::spec[]
    return spec;
  }

  @Test
  void resourceGroupSpec() {
    // tag::quota[]
    JobSpec onQuota =
        spec().toBuilder()
            .resourceId("quotamtl37ge7gkvdz") // a resource group or quota
            .roles(
                List.of(
                    RoleSpec.worker("registry.cn-shanghai.aliyuncs.com/llm/trainer:2.3.0")
                        .podCount(2)
                        .resources(
                            ResourceConfig.builder()
                                .cpu("16")
                                .memory("120Gi")
                                .gpu("1")
                                .sharedMemory("32Gi")
                                .build())
                        .build()))
            .build();
    // end::quota[]
    assertThat(onQuota.roles().get(0).resources()).isPresent();
  }

  @Test
  void jsonRoundTrip() {
    JobSpec spec = spec();
    // tag::json[]
    String json = spec.toJson(); // store it, diff it, edit it in a portal
    JobSpec again = JobSpec.fromJson(json); // validated like build()
    JobSpec variant = again.toBuilder().putEnvs("LEARNING_RATE", "2e-5").build();
    // end::json[]
    assertThat(again).isEqualTo(spec);
    assertThat(variant.envs()).containsKey("LEARNING_RATE");
  }

  @Test
  void options() {
    // tag::options[]
    WaitOptions patient =
        WaitOptions.builder()
            .timeout(Duration.ofHours(2)) // queuing for GPUs can take a while
            .pollDelays(Duration.ofSeconds(5), Duration.ofMinutes(1))
            .onProgress(e -> System.out.println(e.phase() + " " + e.message()))
            .build();
    // end::options[]
    assertThat(patient.timeout()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void runFollowAndFinish() {
    JobSpec spec = spec();
    // tag::run[]
    try (DlcClient dlc = DlcClient.create(pai)) {
      String jobId = dlc.createJob(spec); // sent once: DLC has no ClientToken
      Job running = dlc.waitUntilRunning(jobId, waitOptions);
      String podId = running.pods().get(0).id();
      try (LogSubscription logs =
          dlc.followLogs(jobId, podId, System.out::println, LogFollowOptions.defaults())) {
        logs.completion().exceptionally(e -> reportLogFailure(jobId, e)); // e.g. pod deleted
        Job done = dlc.waitUntilFinished(jobId, waitOptions); // never throws for Failed
        if (done.status() != JobStatus.SUCCEEDED) {
          System.err.println(
              jobId + " " + done.statusText() + ": " + done.reasonMessage().orElse(""));
        }
      }
    }
    // end::run[]
    assertThat(dlc.getJob("dlc1").status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  private static Void reportLogFailure(String jobId, Throwable e) {
    System.err.println("stopped following " + jobId + ": " + e.getMessage());
    return null;
  }

  @Test
  void failures() {
    JobSpec spec = spec();
    // tag::errors[]
    String jobId;
    try {
      jobId = dlc.createJob(spec);
    } catch (ServiceUnavailableException e) {
      // The job may exist anyway: look for it before creating it again.
      Optional<Job> existing =
          dlc.listJobs(JobFilter.builder().displayName(spec.displayName()).build()).stream()
              .filter(j -> j.displayName().equals(spec.displayName()))
              .findFirst();
      jobId = existing.map(Job::id).orElseThrow(() -> e);
    }
    try {
      dlc.waitUntilRunning(jobId, waitOptions);
    } catch (JobEndedException e) {
      Job ended = e.job(); // Failed or Stopped before it ran
      System.err.println(ended.statusText() + " " + ended.reasonCode().orElse(""));
      dlc.events(jobId).forEach(event -> System.err.println(event.text()));
    } catch (WaiterTimeoutException e) {
      dlc.stopJob(jobId); // still queuing after the deadline
    }
    // end::errors[]
    assertThat(jobId).isEqualTo("dlc1");
  }

  @Test
  void listAndLogs() {
    // tag::list[]
    JobFilter filter =
        JobFilter.builder()
            .workspaceId("12345")
            .status(JobStatus.RUNNING)
            .putTags("team", "llm")
            .sortBy(JobFilter.SortField.CREATE_TIME)
            .build();
    for (Job job : dlc.listJobs(filter)) { // pages are fetched as iteration reaches them
      List<String> tail = dlc.podLogs(job.id(), job.pods().get(0).id(), 100);
      System.out.println(job.id() + " " + job.displayName() + ": " + tail);
    }
    // end::list[]
  }

  @Test
  void async() throws Exception {
    // tag::async[]
    CompletableFuture<Job> finished = dlc.waitUntilFinishedAsync("dlc1", waitOptions);
    finished.thenAccept(job -> System.out.println(job.id() + " " + job.status()));
    // end::async[]
    assertThat(finished.get().status()).isEqualTo(JobStatus.SUCCEEDED);
  }
}
