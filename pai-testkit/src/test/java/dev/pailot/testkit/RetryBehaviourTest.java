package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pailot.core.Pai;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.RetryEvent;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.testkit.stubs.ErrorBodies;
import dev.pailot.testkit.verify.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Which failures pai-core retries, how often, and how long it waits, observed through the requests
 * WireMock recorded and the {@link RetryEvent}s a listener saw, never through wall-clock time.
 */
@PaiMockServer(maxAttempts = 4)
class RetryBehaviourTest {
  private static final String TOKEN = "0f8e7d6c-pailot-token-0001";

  private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
  private final PaiListener listener =
      new PaiListener() {
        @Override
        public void onRetryScheduled(RetryEvent event) {
          retries.add(event);
        }
      };

  @Test
  void throttlingWaitsAtLeastTheServersTimeLeftHint(PaiMockEndpoint endpoint, PaiStubs stubs) {
    Duration hint = Duration.ofMillis(30);
    stubs.vpc().describeVpcs(vpc("vpc-1", "pailot", "10.0.0.0/16", "Available"));
    stubs.faults().throttle("DescribeVpcs", 6, hint);
    // Heavy jitter and a tiny base delay: only the hint can keep each wait at or above 30 ms.
    RetrySettings jittery =
        RetrySettings.builder()
            .maxAttempts(7)
            .baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofSeconds(1))
            .jitter(0.9)
            .build();

    try (Pai pai = endpoint.paiBuilder().retry(jittery).listener(listener).build()) {
      Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
    }

    stubs.calls().assertCount("DescribeVpcs", 7);
    assertThat(retries).hasSize(6);
    assertThat(retries)
        .allSatisfy(
            r -> {
              assertThat(r.delay()).isGreaterThanOrEqualTo(hint);
              assertThat(r.errorCode()).hasValue("Throttling.User");
              assertThat(r.httpStatus()).isEqualTo(400);
              assertThat(r.action()).isEqualTo("DescribeVpcs");
              assertThat(r.product()).isEqualTo("vpc");
            });
    assertThat(retries).extracting(RetryEvent::failedAttempt).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aHintAboveMaxDelayIsCappedAtMaxDelay(PaiMockEndpoint endpoint, PaiStubs stubs) {
    stubs.vpc().describeVpcs();
    stubs.faults().throttle("DescribeVpcs", 1, Duration.ofMinutes(10));
    RetrySettings capped =
        RetrySettings.builder()
            .baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(20))
            .jitter(0)
            .build();

    try (Pai pai = endpoint.paiBuilder().retry(capped).listener(listener).build()) {
      Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
    }

    assertThat(retries).singleElement().extracting(RetryEvent::delay).isEqualTo(ofMillis(20));
  }

  @Test
  void throttlingRetriesAreBoundedByMaxAttempts(Pai pai, PaiStubs stubs) {
    stubs.faults().fail("DescribeVpcs", ErrorBodies.throttling(Duration.ofMillis(2)));

    ThrottlingException e =
        catchThrowableOfType(
            ThrottlingException.class,
            () -> Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()));

    assertThat(e.numAttempts()).isEqualTo(4);
    assertThat(e.retryable()).isTrue();
    stubs.calls().assertCount("DescribeVpcs", 4);
  }

  @Test
  void aCreateWithoutClientTokenIsNotRetriedOn5xx(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-1");
    stubs.faults().serviceUnavailable("CreateVpc", 1);

    ServiceUnavailableException e =
        catchThrowableOfType(
            ServiceUnavailableException.class,
            () ->
                Ops.call(
                    pai,
                    Ops.rpc(Ops.CREATE_VPC, "cn-shanghai")
                        .query("CidrBlock", "10.0.0.0/16")
                        .build()));

    assertThat(e.numAttempts()).isEqualTo(1);
    assertThat(e.retryable()).isTrue();
    stubs.calls().assertCount("CreateVpc", 1);
  }

  @Test
  void aCreateWithClientTokenIsRetriedOn5xxWithTheSameToken(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-1");
    stubs.faults().serviceUnavailable("CreateVpc", 2);

    String vpcId =
        Ops.call(
                pai,
                Ops.rpc(Ops.CREATE_VPC, "cn-shanghai")
                    .query("CidrBlock", "10.0.0.0/16")
                    .query("ClientToken", TOKEN)
                    .build())
            .body()
            .path("VpcId")
            .asText();

    assertThat(vpcId).isEqualTo("vpc-1");
    List<RecordedCall> calls = stubs.calls().ofAction("CreateVpc");
    assertThat(calls).hasSize(3);
    assertThat(calls).allSatisfy(c -> c.assertQueryParam("ClientToken", TOKEN));
    // Each attempt is signed afresh: a new nonce, hence a new signature.
    assertThat(calls)
        .extracting(c -> c.header("x-acs-signature-nonce").orElseThrow())
        .doesNotHaveDuplicates();
  }

  @Test
  void aCreateWithoutClientTokenIsStillRetriedWhenThrottled(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-1");
    stubs.faults().throttle("CreateVpc", 1, Duration.ofMillis(1));

    Ops.call(pai, Ops.rpc(Ops.CREATE_VPC, "cn-shanghai").query("CidrBlock", "10.0.0.0/16").build());

    stubs.calls().assertCount("CreateVpc", 2);
  }

  @Test
  void aRoaCreateIsNotRetriedOn5xx(Pai pai, PaiStubs stubs) {
    stubs.workspace().createWorkspace("ws-1");
    stubs.faults().serviceUnavailable("CreateWorkspace", 1);
    ApiRequest create =
        ApiRequest.of(Ops.CREATE_WORKSPACE)
            .body(JsonNodeFactory.instance.objectNode().put("WorkspaceName", "pailot"))
            .build();

    catchThrowableOfType(ServiceUnavailableException.class, () -> Ops.call(pai, create));

    stubs.calls().assertCount("CreateWorkspace", 1);
  }

  @Test
  void anIdempotentReadIsRetriedOnConnectionReset(Pai pai, PaiStubs stubs) {
    stubs.workspace().getWorkspace(workspace("ws-1", "pailot"));
    stubs.faults().connectionReset("GetWorkspace", 2);

    String status =
        Ops.call(pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build())
            .body()
            .path("Status")
            .asText();

    assertThat(status).isEqualTo("ENABLED");
    stubs.calls().assertCount("GetWorkspace", 3);
  }

  @Test
  void aCreateWithoutClientTokenIsNotRetriedOnConnectionReset(Pai pai, PaiStubs stubs) {
    stubs.vpc().createVpc("vpc-1");
    stubs.faults().connectionReset("CreateVpc", 1);

    ServiceUnavailableException e =
        catchThrowableOfType(
            ServiceUnavailableException.class,
            () -> Ops.call(pai, Ops.rpc(Ops.CREATE_VPC, "cn-shanghai").build()));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.numAttempts()).isEqualTo(1);
    assertThat(e.requestId()).isEmpty();
    stubs.calls().assertCount("CreateVpc", 1);
  }

  @Test
  void transientFailuresOfAReadAreBoundedByMaxAttempts(Pai pai, PaiStubs stubs) {
    stubs.faults().fail("GetWorkspace", ErrorBodies.serviceUnavailable());

    PaiException e =
        catchThrowableOfType(
            ServiceUnavailableException.class,
            () ->
                Ops.call(
                    pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-1").build()));

    assertThat(e.numAttempts()).isEqualTo(4);
    stubs.calls().assertCount("GetWorkspace", 4);
  }

  @Test
  void aResponseSlowerThanTheReadTimeoutFailsAsTransient(PaiMockEndpoint endpoint, PaiStubs stubs) {
    stubs.vpc().describeVpcs();
    stubs.faults().delay("DescribeVpcs", Duration.ofSeconds(3));

    try (Pai pai =
        endpoint
            .paiBuilder()
            .readTimeout(Duration.ofMillis(200))
            .retry(RetrySettings.none())
            .build()) {
      ServiceUnavailableException e =
          catchThrowableOfType(
              ServiceUnavailableException.class,
              () -> Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()));
      assertThat(e.httpStatus()).isZero();
      assertThat(e.retryable()).isTrue();
    }
  }

  private static Duration ofMillis(long ms) {
    return Duration.ofMillis(ms);
  }
}
