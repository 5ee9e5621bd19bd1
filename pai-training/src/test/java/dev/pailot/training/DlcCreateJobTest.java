package dev.pailot.training;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.pailot.training.DlcStubs.IMAGE;
import static dev.pailot.training.DlcStubs.JOBS;
import static dev.pailot.training.DlcStubs.OSS_CKPT;
import static dev.pailot.training.DlcStubs.OSS_RAW;
import static dev.pailot.training.DlcStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.event.ProgressEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CreateJob: the exact body, the signed headers, and that it is never re-sent blindly. */
class DlcCreateJobTest {
  @RegisterExtension static WireMockExtension wm = DlcStubs.server();

  private final List<ProgressEvent> events = DlcStubs.events();
  private Pai pai;
  private DlcClient dlc;

  @BeforeEach
  void setUp() {
    pai = DlcStubs.pai(wm, events);
    dlc = DlcClient.create(pai);
  }

  @AfterEach
  void tearDown() {
    dlc.close();
    pai.close();
  }

  @Test
  void sendsTheFullSpecAsCreateJobBody() {
    wm.stubFor(
        post(urlEqualTo(JOBS)).willReturn(okJson("{\"JobId\":\"dlc1x\",\"RequestId\":\"r\"}")));

    String id = dlc.createJob(DlcStubs.fullSpec());

    assertThat(id).isEqualTo("dlc1x");
    wm.verify(
        postRequestedFor(urlEqualTo(JOBS))
            .withHeader("x-acs-action", equalTo("CreateJob"))
            .withHeader("x-acs-version", equalTo("2020-12-03"))
            .withHeader("Authorization", matching("ACS3-HMAC-SHA256 .*"))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(equalToJson(expectedBody())));
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.operation()).isEqualTo("dlc.job.create");
              assertThat(e.phase()).isEqualTo("SUBMITTED");
              assertThat(e.attributes()).containsEntry("jobId", "dlc1x");
            });
  }

  @Test
  void resourceGroupJobSendsResourceConfigAndPriceLimit() {
    wm.stubFor(post(urlEqualTo(JOBS)).willReturn(okJson("{\"JobId\":\"dlc2y\"}")));
    JobSpec spec =
        DlcStubs.minimal()
            .resourceId("quota12345")
            .roles(
                List.of(
                    RoleSpec.worker("pytorch:2.3.0")
                        .resources(
                            ResourceConfig.builder()
                                .cpu("96")
                                .memory("1600Gi")
                                .gpu("8")
                                .gpuType("GU108")
                                .sharedMemory("400Gi")
                                .build())
                        .spot(SpotSpec.ofPriceLimit(0.25))
                        .build()))
            .build();

    dlc.createJob(spec);

    wm.verify(
        postRequestedFor(urlEqualTo(JOBS))
            .withRequestBody(
                equalToJson(
                    """
                    {"DisplayName":"mnist","JobType":"PyTorchJob","UserCommand":"python train.py",
                     "ResourceId":"quota12345",
                     "JobSpecs":[{"Type":"Worker","Image":"pytorch:2.3.0","PodCount":1,
                       "ResourceConfig":{"CPU":"96","Memory":"1600Gi","GPU":"8","GPUType":"GU108",
                                         "SharedMemory":"400Gi"},
                       "SpotSpec":{"SpotStrategy":"SpotWithPriceLimit","SpotPriceLimit":0.25}}]}
                    """)));
  }

  @Test
  void serverErrorOnCreateIsSentExactlyOnce() {
    wm.stubFor(post(urlEqualTo(JOBS)).willReturn(error(503, "ServiceUnavailable")));

    assertThatThrownBy(() -> dlc.createJob(DlcStubs.fullSpec()))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> {
              assertThat(e.numAttempts()).isEqualTo(1);
              assertThat(e.requestId()).hasValue("req-err");
            });
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    assertThat(events).isEmpty();
  }

  @Test
  void throttledCreateIsRetriedBecauseNothingWasCreated() {
    wm.stubFor(
        post(urlEqualTo(JOBS))
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(400, "Throttling.User"))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlEqualTo(JOBS))
            .inScenario("throttle")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"JobId\":\"dlc3z\"}")));

    assertThat(dlc.createJob(DlcStubs.minimal().build())).isEqualTo("dlc3z");
    wm.verify(2, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void dlcRejectionIsAValidationException() {
    wm.stubFor(post(urlEqualTo(JOBS)).willReturn(error(400, "InvalidParameter")));

    assertThatThrownBy(() -> dlc.createJob(DlcStubs.minimal().build()))
        .isInstanceOf(ValidationException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
  }

  @Test
  void asyncCreateRunsOnTheClientsNamedDaemonThread() throws Exception {
    wm.stubFor(post(urlEqualTo(JOBS)).willReturn(okJson("{\"JobId\":\"dlc4a\"}")));
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Pai recording =
            Pai.builder()
                .region("cn-shanghai")
                .credentials(dev.pailot.core.PaiCredentials.accessKey("LTAI5tTrainingTest", "s"))
                .endpointOverride(java.net.URI.create(wm.baseUrl()))
                .listener(
                    new dev.pailot.core.event.PaiListener() {
                      @Override
                      public void onProgress(ProgressEvent event) {
                        Thread t = Thread.currentThread();
                        threads.add(t.getName() + (t.isDaemon() ? " daemon" : ""));
                      }
                    })
                .build();
        DlcClient async = DlcClient.create(recording)) {

      String id = async.createJobAsync(DlcStubs.minimal().build()).get();

      assertThat(id).isEqualTo("dlc4a");
      assertThat(threads).singleElement().asString().matches("pailot-dlc-async-\\d+ daemon");
    }
  }

  private static String expectedBody() {
    return """
        {"DisplayName":"llm-sft-run-01","JobType":"PyTorchJob","WorkspaceId":"12345",
         "Description":"SFT on A10",
         "UserCommand":"torchrun --nproc_per_node 1 train.py --ckpt /mnt/ckpt",
         "JobSpecs":[
           {"Type":"Worker","Image":"%1$s","PodCount":2,"EcsSpec":"ecs.gn7i-c8g1.2xlarge",
            "SpotSpec":{"SpotStrategy":"SpotWithPriceLimit","SpotDiscountLimit":0.5},
            "RestartPolicy":"OnFailure"},
           {"Type":"Master","Image":"%1$s","PodCount":1,"EcsSpec":"ecs.g7.xlarge"}],
         "DataSources":[
           {"DataSourceId":"d-c0h44g3wlwkj8o4348","MountPath":"/mnt/data/train/"},
           {"Uri":"%2$s","MountPath":"/mnt/data/raw/"},
           {"Uri":"%3$s","MountPath":"/mnt/ckpt/"}],
         "CodeSource":{"CodeSourceId":"code-20210111103721-85qz78ia96lu","Branch":"main",
                       "Commit":"3f1c2a9","MountPath":"/root/code/"},
         "Envs":{"NCCL_DEBUG":"INFO"},
         "JobMaxRunningTimeMinutes":1440,"Priority":5,"Accessibility":"PRIVATE",
         "UserVpc":{"VpcId":"vpc-uf6abc","SwitchId":"vsw-uf6def","SecurityGroupId":"sg-uf6ghi",
                    "ExtendedCIDRs":["192.168.0.0/16"],"DefaultRoute":"eth1"},
         "Settings":{"EnableErrorMonitoringInAIMaster":true,
                     "ErrorMonitoringArgs":"--enable-job-restart True --max-num-of-job-restart 3",
                     "EnableOssAppend":true,"JobReservedMinutes":30,"Tags":{"team":"llm"}},
         "CredentialConfig":{"EnableCredentialInject":true,"AliyunEnvRoleKey":"0"},
         "ThirdpartyLibs":["transformers==4.44.0"]}
        """
        .formatted(IMAGE, OSS_RAW, OSS_CKPT);
  }
}
