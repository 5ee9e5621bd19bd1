package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.testkit.stubs.ErrorBodies;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** pai-core records one {@code pai.control.plane.calls} timing per call, tagged by outcome. */
@PaiMockServer
class MetricsTest {

  @Test
  void callsAreTimedByProductActionAndOutcome(PaiMockEndpoint endpoint, PaiStubs stubs) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    stubs.vpc().describeVpcs(vpc("vpc-1", "pailot", "10.0.0.0/16", "Available"));
    stubs.faults().throttle("DescribeVpcs", 1, Duration.ofMillis(1));
    stubs.faults().fail("GetWorkspace", ErrorBodies.workspaceNotFound());

    try (Pai pai = endpoint.paiBuilder().meterRegistry(registry).build()) {
      Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
      Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());
      catchThrowableOfType(
          ResourceNotFoundException.class,
          () ->
              Ops.call(pai, ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", "ws-x").build()));
    }

    Timer ok =
        registry
            .find("pai.control.plane.calls")
            .tags("product", "vpc", "action", "DescribeVpcs", "outcome", "success")
            .timer();
    Timer notFound =
        registry
            .find("pai.control.plane.calls")
            .tags(
                "product",
                "aiworkspace",
                "action",
                "GetWorkspace",
                "outcome",
                "ResourceNotFoundException")
            .timer();
    // One timing per call, not per attempt: the throttled first attempt is inside call one.
    assertThat(ok).isNotNull();
    assertThat(ok.count()).isEqualTo(2);
    assertThat(notFound).isNotNull();
    assertThat(notFound.count()).isEqualTo(1);
    assertThat(registry.find("pai.control.plane.calls").timers()).hasSize(2);
    stubs.calls().assertCount("DescribeVpcs", 3);
  }
}
