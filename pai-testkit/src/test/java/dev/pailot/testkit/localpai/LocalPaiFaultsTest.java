package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiFaultsTest {
  private static LocalPai localPai;
  private static Pai pai;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions());
    pai = Calls.client(localPai);
    localPai.faults().throttlingTimeLeft(Duration.ofMillis(5));
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  @AfterEach
  void clear() {
    localPai.faults().reset();
    localPai.requests().clear();
  }

  @Test
  void throttledCreateIsRetriedBySdkAndSucceedsOnce() {
    localPai.faults().failNext(Product.VPC, "CreateVpc", LocalPaiFaults.Fault.THROTTLING, 2);

    String vpcId =
        Calls.vpc(pai, "CreateVpc", "RegionId", "cn-shanghai", "VpcName", "after-throttling")
            .get("VpcId")
            .asText();

    List<RecordedRequest> calls = localPai.requests().of(Product.VPC, "CreateVpc");
    assertThat(calls).extracting(RecordedRequest::status).containsExactly(400, 400, 200);
    assertThat(calls.get(0).errorCode()).isEqualTo("Throttling.User");
    assertThat(
            Calls.vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcName", "after-throttling")
                .get("TotalCount")
                .asInt())
        .isEqualTo(1);
    assertThat(vpcId).startsWith("vpc-");
  }

  @Test
  void throttlingCarriesTheRateLimitWaitHint() {
    localPai.faults().failNext(Product.ECS, null, LocalPaiFaults.Fault.THROTTLING, 1);
    try (Pai noRetry = localPai.clientBuilder().retry(RetrySettings.none()).build()) {
      assertThatThrownBy(
              () -> Calls.ecs(noRetry, "DescribeSecurityGroups", "RegionId", "cn-shanghai"))
          .isInstanceOf(ThrottlingException.class)
          .satisfies(
              e ->
                  assertThat(((ThrottlingException) e).retryAfter()).contains(Duration.ofMillis(5)))
          .satisfies(e -> assertThat(((ThrottlingException) e).httpStatus()).isEqualTo(400));
    }
  }

  @Test
  void serviceUnavailableIsRetriedForIdempotentCallsUntilAttemptsRunOut() {
    localPai.faults().serviceUnavailable(Product.ECS, 1.0);

    assertThatThrownBy(() -> Calls.ecs(pai, "DescribeSecurityGroups", "RegionId", "cn-shanghai"))
        .isInstanceOf(ServiceUnavailableException.class)
        .satisfies(e -> assertThat(((ServiceUnavailableException) e).httpStatus()).isEqualTo(503));
    assertThat(localPai.requests().count(Product.ECS, "DescribeSecurityGroups"))
        .isEqualTo(RetrySettings.defaults().maxAttempts());
  }

  @Test
  void throttlingRatioIsAbsorbedByRetries() {
    localPai.faults().throttling(Product.VPC, 0.3);
    try (Pai patient =
        localPai
            .clientBuilder()
            .retry(
                RetrySettings.builder()
                    .maxAttempts(20)
                    .baseDelay(Duration.ofMillis(1))
                    .maxDelay(Duration.ofMillis(20))
                    .build())
            .build()) {
      for (int i = 0; i < 20; i++) {
        assertThat(Calls.vpc(patient, "DescribeVpcs", "RegionId", "cn-shanghai").has("Vpcs"))
            .isTrue();
      }
    }
    List<RecordedRequest> all = localPai.requests().of(Product.VPC, "DescribeVpcs");
    assertThat(all).filteredOn(r -> r.status() == 200).hasSize(20);
    assertThat(all).anyMatch(r -> "Throttling.User".equals(r.errorCode()));
  }

  @Test
  void addedLatencyStillAnswers() {
    localPai.faults().latency(Product.VPC, Duration.ofMillis(30));
    assertThat(Calls.vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai").has("TotalCount"))
        .isTrue();
  }

  @Test
  void invalidRatiosAreRejected() {
    assertThatThrownBy(() -> localPai.faults().throttling(Product.VPC, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
