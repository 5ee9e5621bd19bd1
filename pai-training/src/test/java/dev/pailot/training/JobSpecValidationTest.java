package dev.pailot.training;

import static dev.pailot.training.DlcStubs.IMAGE;
import static dev.pailot.training.DlcStubs.OSS_CKPT;
import static dev.pailot.training.DlcStubs.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ValidationException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule fails at build(), names the field and the fix, and sends nothing. */
class JobSpecValidationTest {
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

  static RoleSpec.Builder worker() {
    return RoleSpec.worker(IMAGE).ecsSpec("ecs.gn7i-c8g1.2xlarge");
  }

  static ResourceConfig gpus() {
    return ResourceConfig.builder().cpu("8").memory("64Gi").gpu("1").build();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        spec("image tag latest", "image", () -> role(RoleSpec.worker("pytorch:latest"))),
        spec("image without tag", "image", () -> role(RoleSpec.worker("pytorch"))),
        spec("registry port, no tag", "image", () -> role(RoleSpec.worker("reg:5000/pytorch"))),
        spec("malformed digest", "image", () -> role(RoleSpec.worker("pytorch@sha256:abc"))),
        spec("zero pods", "podCount", () -> role(worker().podCount(0))),
        spec(
            "spot sets both limits",
            "spot",
            () -> SpotSpec.builder().discountLimit(0.5).priceLimit(1.0).build()),
        spec("spot sets no limit", "spot", () -> SpotSpec.builder().build()),
        spec("discount 0", "discountLimit", () -> SpotSpec.ofDiscountLimit(0)),
        spec("discount above 1", "discountLimit", () -> SpotSpec.ofDiscountLimit(1.5)),
        spec("negative price", "priceLimit", () -> SpotSpec.ofPriceLimit(-1)),
        spec("relative mount path", "mountPath", () -> DataSourceSpec.oss(OSS_CKPT, "mnt/data")),
        spec("root mount path", "mountPath", () -> DataSourceSpec.dataset("d-1", "/")),
        spec(
            "dataset and checkpoint share a mount path",
            "mountPath",
            () ->
                minimal()
                    .addDataSources(DataSourceSpec.dataset("d-1", "/mnt/ckpt/"))
                    .checkpoint(OSS_CKPT, "/mnt/ckpt")
                    .build()),
        spec(
            "two datasets share a mount path",
            "mountPath",
            () ->
                minimal()
                    .addDataSources(DataSourceSpec.dataset("d-1", "/mnt/data"))
                    .addDataSources(DataSourceSpec.dataset("d-2", "/mnt/data/"))
                    .build()),
        spec("ecsSpec and resources", "ecsSpec", () -> role(worker().resources(gpus()))),
        spec("neither ecsSpec nor resources", "ecsSpec", () -> role(RoleSpec.worker(IMAGE))),
        spec(
            "ecsSpec on a resource group",
            "ecsSpec",
            () -> minimal().resourceId("quota12345").build()),
        spec(
            "resources without a resource group",
            "resourceId",
            () ->
                minimal()
                    .roles(java.util.List.of(RoleSpec.worker(IMAGE).resources(gpus()).build()))
                    .build()),
        spec("empty display name", "displayName", () -> minimal().displayName("").build()),
        spec("display name with space", "displayName", () -> minimal().displayName("a b").build()),
        spec(
            "display name too long",
            "displayName",
            () -> minimal().displayName("x".repeat(257)).build()),
        spec(
            "display name missing",
            "displayName",
            () -> JobSpec.builder().jobType(JobType.TF_JOB).userCommand("x").build()),
        spec("blank user command", "userCommand", () -> minimal().userCommand("  ").build()),
        spec("env name starts with digit", "envs", () -> minimal().putEnvs("1BAD", "x").build()),
        spec("env name with dash", "envs", () -> minimal().putEnvs("A-B", "x").build()),
        spec(
            "zero running time",
            "maxRunningTimeMinutes",
            () -> minimal().maxRunningTimeMinutes(0L).build()),
        spec("priority 10", "priority", () -> minimal().priority(10).build()),
        spec("no roles", "roles", () -> minimal().roles(java.util.List.of()).build()),
        spec("role twice", "roles", () -> minimal().addRoles(worker().build()).build()),
        spec(
            "PS in a PyTorchJob",
            "roles",
            () -> minimal().addRoles(worker().type(RoleType.PS).build()).build()),
        spec(
            "PyTorchJob without Worker",
            "roles",
            () ->
                minimal().roles(java.util.List.of(worker().type(RoleType.MASTER).build())).build()),
        spec(
            "data source without id or uri",
            "dataSources",
            () -> DataSourceSpec.builder().mountPath("/mnt/x").build()),
        spec(
            "data source URI not OSS",
            "uri",
            () -> DataSourceSpec.oss("nas://x.cn-shanghai/d/", "/mnt/x")),
        spec(
            "OSS source without mount path",
            "mountPath",
            () -> DataSourceSpec.builder().uri(OSS_CKPT).build()),
        spec(
            "checkpoint URI not OSS",
            "checkpoint",
            () -> CheckpointLocation.of("/local/ckpt", "/mnt/ckpt")),
        spec("bad VPC id", "vpcId", () -> UserVpc.of("v-1", "vsw-1", "sg-1")),
        spec(
            "bad route",
            "defaultRoute",
            () ->
                UserVpc.builder()
                    .vpcId("vpc-1")
                    .switchId("vsw-1")
                    .securityGroupId("sg-1")
                    .defaultRoute("eth9")
                    .build()),
        spec(
            "AIMaster flags without AIMaster",
            "errorMonitoringArgs",
            () -> JobSettings.builder().errorMonitoringArgs("--enable-job-restart True").build()),
        spec("resources without memory", "memory", () -> ResourceConfig.builder().cpu("8").build()),
        spec(
            "bad quantity",
            "gpu",
            () -> ResourceConfig.builder().cpu("8").memory("1Gi").gpu("one").build()),
        spec("unknown job type in JSON", "jobType", () -> JobType.parse("SparkJob")),
        spec("filter page size 0", "pageSize", () -> JobFilter.builder().pageSize(0).build()),
        spec(
            "filter on UNKNOWN",
            "status",
            () -> JobFilter.builder().status(JobStatus.UNKNOWN).build()),
        spec(
            "zero wait timeout",
            "timeout",
            () -> WaitOptions.builder().timeout(Duration.ZERO).build()),
        spec(
            "zero poll interval",
            "pollInterval",
            () -> LogFollowOptions.builder().pollInterval(Duration.ZERO).build()));
  }

  private static Arguments spec(String name, String field, Supplier<Object> build) {
    return Arguments.of(name, field, build);
  }

  private static JobSpec role(RoleSpec.Builder role) {
    return minimal().roles(java.util.List.of(role.build())).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void failsAtBuildNamingFieldAndFix(String name, String field, Supplier<Object> build) {
    assertThatThrownBy(() -> dlc.createJob((JobSpec) build.get()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).as(name).hasValue(field);
              assertThat(e.getMessage()).startsWith("Invalid " + field + ":").contains(" Fix: ");
            });
    assertThat(wm.getAllServeEvents()).as("requests sent").isEmpty();
  }

  @Test
  void messagesNameTheJobAndTheRole() {
    assertThatThrownBy(() -> minimal().userCommand("").build())
        .hasMessageContaining("job \"mnist\"");
    assertThatThrownBy(() -> role(RoleSpec.master("pytorch:latest").ecsSpec("ecs.g7.xlarge")))
        .hasMessageContaining("of the Master role")
        .hasMessageContaining("digest");
  }

  @Test
  void pinnedImagesPass() {
    assertThat(role(worker().image("pytorch:2.3.0-cu121")).roles()).hasSize(1);
    assertThat(role(worker().image("reg.example.com:5000/team/pytorch:2.3")).roles()).hasSize(1);
    assertThat(role(worker()).roles().get(0).image()).isEqualTo(IMAGE);
  }

  @Test
  void resourceGroupJobsUseResourceConfig() {
    JobSpec spec =
        minimal()
            .resourceId("quota12345")
            .roles(java.util.List.of(RoleSpec.worker(IMAGE).resources(gpus()).build()))
            .build();
    assertThat(spec.role(RoleType.WORKER)).isPresent();
  }

  @Test
  void spotRunNeedsACheckpoint() {
    JobSpec noCheckpoint = minimal().build();
    assertThatThrownBy(noCheckpoint::validateForSpotRun)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).hasValue("checkpoint"))
        .hasMessageContaining("checkpoint location required for a spot run")
        .hasMessageContaining("mnist");

    JobSpec withCheckpoint = minimal().checkpoint(OSS_CKPT, "/mnt/ckpt/").build();
    assertThat(withCheckpoint.validateForSpotRun()).isSameAs(withCheckpoint);
  }
}
