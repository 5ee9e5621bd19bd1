package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** DLC JSON bodies, specs and the test client shared by the training tests. */
public final class DlcStubs {
  static final String JOBS = "/api/v1/jobs";
  static final String IMAGE =
      "registry.cn-shanghai.aliyuncs.com/llm/trainer@sha256:"
          + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String OSS_RAW = "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/raw/";
  static final String OSS_CKPT = "oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/";

  private DlcStubs() {}

  /**
   * A WireMock extension on a free port.
   *
   * @return the extension
   */
  public static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
        .build();
  }

  /** The test client of the brief; progress events land in {@code events}. */
  public static Pai pai(WireMockExtension wm, List<ProgressEvent> events) {
    return Pai.builder()
        .region("cn-shanghai")
        .credentials(PaiCredentials.accessKey("LTAI5tTrainingTest", "test-secret"))
        .endpointOverride(URI.create(wm.baseUrl()))
        .retry(
            RetrySettings.builder()
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build())
        .listener(
            new PaiListener() {
              @Override
              public void onProgress(ProgressEvent event) {
                events.add(event);
              }
            })
        .build();
  }

  static List<ProgressEvent> events() {
    return new CopyOnWriteArrayList<>();
  }

  /**
   * Blocks until {@code condition} holds, checking every 2 ms; gives up after a generous 30 s so a
   * broken build fails instead of hanging. Not a timing assertion.
   */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /**
   * The request count once requests in flight (WireMock records them after answering) have landed:
   * two reads 50 ms apart agree.
   */
  static int settledRequestCount(WireMockExtension wm) throws InterruptedException {
    int before;
    int after = wm.getAllServeEvents().size();
    do {
      before = after;
      Thread.sleep(50);
      after = wm.getAllServeEvents().size();
    } while (after != before);
    return after;
  }

  static WaitOptions fastWait() {
    return WaitOptions.builder()
        .timeout(Duration.ofSeconds(30))
        .pollDelays(Duration.ofMillis(1), Duration.ofMillis(5))
        .build();
  }

  /** A spec that uses every part of CreateJob Pailot models. */
  static JobSpec fullSpec() {
    return JobSpec.builder()
        .displayName("llm-sft-run-01")
        .jobType(JobType.PYTORCH_JOB)
        .workspaceId("12345")
        .description("SFT on A10")
        .userCommand("torchrun --nproc_per_node 1 train.py --ckpt /mnt/ckpt")
        .addRoles(
            RoleSpec.worker(IMAGE)
                .podCount(2)
                .ecsSpec("ecs.gn7i-c8g1.2xlarge")
                .spot(SpotSpec.ofDiscountLimit(0.5))
                .restartPolicy(RestartPolicy.ON_FAILURE)
                .build())
        .addRoles(RoleSpec.master(IMAGE).ecsSpec("ecs.g7.xlarge").build())
        .addDataSources(DataSourceSpec.dataset("d-c0h44g3wlwkj8o4348", "/mnt/data/train/"))
        .addDataSources(DataSourceSpec.oss(OSS_RAW, "/mnt/data/raw/"))
        .checkpoint(OSS_CKPT, "/mnt/ckpt/")
        .codeSource(
            CodeSourceSpec.builder()
                .codeSourceId("code-20210111103721-85qz78ia96lu")
                .branch("main")
                .commit("3f1c2a9")
                .mountPath("/root/code/")
                .build())
        .putEnvs("NCCL_DEBUG", "INFO")
        .maxRunningTimeMinutes(1440L)
        .priority(5)
        .accessibility(Accessibility.PRIVATE)
        .userVpc(
            UserVpc.builder()
                .vpcId("vpc-uf6abc")
                .switchId("vsw-uf6def")
                .securityGroupId("sg-uf6ghi")
                .addExtendedCidrs("192.168.0.0/16")
                .defaultRoute("eth1")
                .build())
        .settings(
            JobSettings.builder()
                .aiMasterErrorMonitoring("--enable-job-restart True --max-num-of-job-restart 3")
                .enableOssAppend(true)
                .jobReservedMinutes(30)
                .putTags("team", "llm")
                .build())
        .credentialConfig(CredentialConfig.builder().aliyunEnvRoleKey("0").build())
        .addThirdpartyLibs("transformers==4.44.0")
        .build();
  }

  /** The smallest valid spec: one worker on public resources. */
  static JobSpec.Builder minimal() {
    return JobSpec.builder()
        .displayName("mnist")
        .jobType(JobType.PYTORCH_JOB)
        .userCommand("python train.py")
        .addRoles(RoleSpec.worker("pytorch:2.3.0").ecsSpec("ecs.gn7i-c8g1.2xlarge").build());
  }

  /** A GetJob body with two pods, history and replica statuses. */
  static String jobJson(String id, String status) {
    return """
        {"RequestId":"req-get","JobId":"%s","DisplayName":"llm-sft-run-01","JobType":"PyTorchJob",
         "WorkspaceId":"12345","WorkspaceName":"llm_prod","UserId":"2004110000006048",
         "Status":"%s","SubStatus":"Restarting","ReasonCode":"JobStoppedByUser",
         "ReasonMessage":"Job is stopped by user.",
         "StatusHistory":[
           {"Status":"Creating","StartTime":"2026-01-12T14:35:01Z","EndTime":"2026-01-12T14:35:05Z"},
           {"Status":"%s","StartTime":"2026-01-12T14:35:05Z","ReasonCode":"JobStoppedByUser",
            "ReasonMessage":"Job is stopped by user."}],
         "Pods":[
           {"PodId":"%s-worker-0","PodUid":"uid-0","Type":"Worker","Status":"Running",
            "SubStatus":"Normal","Ip":"10.0.0.5","NodeName":"node-a",
            "GmtCreateTime":"2026-01-12T14:35:06Z","GmtStartTime":"2026-01-12T14:36:00Z",
            "HistoryPods":[{"PodId":"%s-worker-0","PodUid":"uid-old","Type":"Worker",
                            "Status":"Failed","SubStatus":"Evicted"}]},
           {"PodId":"%s-master-0","Type":"Master","Status":"Pending"}],
         "JobReplicaStatuses":[{"Type":"Worker","Active":2,"Queuing":0,"Dequeued":2,
                                "EstimatedPodCount":2}],
         "JobSpecs":[{"Type":"Worker","Image":"pytorch:2.3.0","PodCount":2,
                      "EcsSpec":"ecs.gn7i-c8g1.2xlarge",
                      "SpotSpec":{"SpotStrategy":"SpotWithPriceLimit","SpotDiscountLimit":0.5}}],
         "UserCommand":"python train.py","Envs":{"NCCL_DEBUG":"INFO"},
         "ResourceType":"ECS","Priority":5,"RestartTimes":"0/3",
         "GmtCreateTime":"2026-01-12T14:35:01Z","GmtSubmittedTime":"2026-01-12T14:35:02Z",
         "GmtRunningTime":"2026-01-12T14:36:00Z","GmtFinishTime":"2026-01-12T16:36:00Z",
         "Duration":7200,"SomethingNew":{"x":1}}
        """
        .formatted(id, status, status, id, id, id);
  }

  /** A ListJobs body. */
  static String jobList(int total, String... jobs) {
    return "{\"RequestId\":\"req-list\",\"TotalCount\":"
        + total
        + ",\"Jobs\":["
        + String.join(",", jobs)
        + "]}";
  }

  static ResponseDefinitionBuilder error(int status, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"RequestId\":\"req-err\",\"Code\":\""
                + code
                + "\",\"Message\":\"failed\",\"HostId\":\"pai-dlc.cn-shanghai.aliyuncs.com\"}");
  }
}
