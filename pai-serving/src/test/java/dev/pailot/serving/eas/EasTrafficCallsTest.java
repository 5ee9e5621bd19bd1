package dev.pailot.serving.eas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.testkit.PaiMockServer;
import dev.pailot.testkit.PaiStubs;
import dev.pailot.testkit.stubs.ErrorResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups, mirrors, autoscaler and cron scaler: request shapes, mapping and errors. */
@PaiMockServer
class EasTrafficCallsTest {

  @Test
  void describeGroupMapsTheGroupAndRedactsItsToken(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .describeGroup(
            "qwen_grp", "http://1.cn-shanghai.pai-eas.aliyuncs.com/api/predict/qwen_grp", "gtok");

    EasGroup g = EasClient.create(pai).describeGroup("qwen_grp");

    assertThat(g.name()).isEqualTo("qwen_grp");
    assertThat(g.accessToken()).hasValue("gtok");
    assertThat(g.trafficMode()).hasValue("auto");
    assertThat(g.toString()).doesNotContain("gtok");
    stubs.calls().single("DescribeGroup").assertPath("/api/v2/groups/cn-shanghai/qwen_grp");
  }

  @Test
  void mirrorsAreCreatedUpdatedReadAndDeleted(Pai pai, PaiStubs stubs) {
    for (String a : List.of("CreateServiceMirror", "UpdateServiceMirror", "DeleteServiceMirror")) {
      stubs.eas().write(a, "blue");
    }
    stubs.eas().describeServiceMirror("blue", 10, "green", "green2");
    EasClient eas = EasClient.create(pai);

    eas.createServiceMirror("blue", 10, List.of("green"));
    eas.updateServiceMirror("blue", 20, List.of("green", "green2"));
    ServiceMirror m = eas.describeServiceMirror("blue").orElseThrow();
    boolean deleted = eas.deleteServiceMirror("blue");

    stubs
        .calls()
        .single("CreateServiceMirror")
        .assertMethod("POST")
        .assertPath("/api/v2/services/cn-shanghai/blue/mirror")
        .assertJsonBody("{\"Ratio\":10,\"Target\":[\"green\"]}");
    stubs
        .calls()
        .single("UpdateServiceMirror")
        .assertMethod("PUT")
        .assertJsonBody("{\"Ratio\":20,\"Target\":[\"green\",\"green2\"]}");
    assertThat(m.ratioPercent()).isEqualTo(10);
    assertThat(m.targets()).containsExactly("green", "green2");
    assertThat(deleted).isTrue();
  }

  @Test
  void aServiceWithoutMirrorReadsEmptyButAMissingServiceFails(Pai pai, PaiStubs stubs) {
    stubs
        .eas()
        .subResourceNotFound("DescribeServiceMirror", "blue", "/mirror", "InvalidMirror.NotFound");
    stubs
        .eas()
        .subResourceNotFound(
            "DescribeServiceAutoScaler", "gone", "/autoscaler", "InvalidService.NotFound");
    EasClient eas = EasClient.create(pai);

    assertThat(eas.describeServiceMirror("blue")).isEmpty();
    assertThatThrownBy(() -> eas.describeAutoscaler("gone"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("\"gone\"");
  }

  @Test
  void mirrorArgumentsAreValidated(Pai pai, PaiStubs stubs) {
    EasClient eas = EasClient.create(pai);

    assertThatThrownBy(() -> eas.createServiceMirror("blue", 101, List.of("green")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ratioPercent");
    assertThatThrownBy(() -> eas.createServiceMirror("blue", 10, List.of()))
        .hasMessageContaining("targets");
    assertThat(stubs.calls().all()).isEmpty();
  }

  @Test
  void autoscalerBodyUsesLowerCamelKeys(Pai pai, PaiStubs stubs) {
    stubs.eas().write("CreateServiceAutoScaler", "svc");
    stubs.eas().write("UpdateServiceAutoScaler", "svc");
    stubs.eas().write("DeleteServiceAutoScaler", "svc");
    stubs.eas().describeAutoscaler("svc", 1, 8, "QPS", 20, 3.5);
    EasClient eas = EasClient.create(pai);
    AutoscalerSpec spec =
        AutoscalerSpec.builder()
            .min(1)
            .max(8)
            .addStrategies(ScaleStrategy.qps(20))
            .scaleDownStabilization(Duration.ofMinutes(10))
            .build();

    eas.createAutoscaler("svc", spec);
    eas.updateAutoscaler("svc", spec.toBuilder().max(10).build());
    AutoscalerStatus status = eas.describeAutoscaler("svc").orElseThrow();
    assertThat(eas.deleteAutoscaler("svc")).isTrue();

    stubs
        .calls()
        .single("CreateServiceAutoScaler")
        .assertMethod("POST")
        .assertJsonBody(
            "{\"min\":1,\"max\":8,\"scaleStrategies\":[{\"metricName\":\"qps\",\"threshold\":20}],"
                + "\"behavior\":{\"scaleDown\":{\"stabilizationWindowSeconds\":600}}}");
    stubs.calls().single("UpdateServiceAutoScaler").assertMethod("PUT");
    assertThat(status.spec().min()).isEqualTo(1);
    assertThat(status.spec().max()).isEqualTo(8);
    assertThat(status.spec().strategies().get(0).metricName()).isEqualTo("QPS");
    assertThat(status.currentMetrics()).containsEntry("QPS", 3.5);
  }

  @Test
  void cronScalerBodyUsesUpperCamelKeys(Pai pai, PaiStubs stubs) {
    stubs.eas().write("CreateServiceCronScaler", "svc");
    stubs.eas().write("DeleteServiceCronScaler", "svc");
    stubs.eas().describeCronScaler("svc", "evening", "0 18 * * *", 4);
    stubs
        .faults()
        .fail(
            "DeleteServiceCronScaler", ErrorResponse.of(404, "InvalidCronScaler.NotFound", "none"));
    EasClient eas = EasClient.create(pai);

    eas.createCronScaler(
        "svc",
        CronScalerSpec.builder()
            .addJobs(
                CronScaleJob.builder()
                    .name("evening")
                    .schedule("0 18 * * *")
                    .targetSize(4)
                    .timeZone("Asia/Shanghai")
                    .build())
            .addExcludeDates("* * 1 1 *")
            .build());
    CronScalerSpec read = eas.describeCronScaler("svc").orElseThrow();

    stubs
        .calls()
        .single("CreateServiceCronScaler")
        .assertJsonBody(
            "{\"ScaleJobs\":[{\"Name\":\"evening\",\"Schedule\":\"0 18 * * *\",\"TargetSize\":4,"
                + "\"TimeZone\":\"Asia/Shanghai\"}],\"ExcludeDates\":[\"* * 1 1 *\"]}");
    assertThat(read.jobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.targetSize()).isEqualTo(4);
              assertThat(j.timeZone()).hasValue("Asia/Shanghai");
            });
    assertThat(eas.deleteCronScaler("svc")).isFalse();
  }
}
