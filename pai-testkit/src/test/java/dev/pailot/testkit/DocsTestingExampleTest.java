package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static dev.pailot.testkit.stubs.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.testkit.stubs.ErrorBodies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example that {@code docs/testing.md} quotes; {@code DocSnippetsTest} in {@code examples}
 * fails the build if the two drift apart. {@link VpcInventory} and {@link WorkspaceProbe} stand in
 * for a user's own code.
 */
// tag::class[]
@PaiMockServer
class DocsTestingExampleTest {
  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create();

  @Test
  void countsAvailableVpcsDespiteThrottling(Pai pai, PaiStubs stubs) {
    stubs
        .vpc()
        .describeVpcs(
            vpc("vpc-1", "pailot-prod", "10.0.0.0/16", "Available"),
            vpc("vpc-2", "pailot-dev", "10.1.0.0/16", "Pending"));
    stubs.faults().throttle("DescribeVpcs", 2, Duration.ofMillis(20));

    int available = new VpcInventory(pai).countAvailable();

    assertThat(available).isEqualTo(1);
    stubs.calls().assertCount("DescribeVpcs", 3);
    stubs
        .calls()
        .last("DescribeVpcs")
        .assertMethod("POST")
        .assertVersion("2016-04-28")
        .assertQueryParam("RegionId", "cn-shanghai")
        .assertEmptyBody()
        .assertSignedBy(TestCredentials.ACCESS_KEY_ID);
  }

  // end::class[]
  // tag::errors[]
  @Test
  void reportsAMissingWorkspace(Pai pai, PaiStubs stubs) {
    stubs.faults().fail("GetWorkspace", ErrorBodies.workspaceNotFound());

    assertThatThrownBy(() -> new WorkspaceProbe(pai).status("ws-404"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void seesAWorkspaceBecomeReady(Pai pai, PaiStubs stubs) {
    stubs.workspace().getWorkspaceStatuses(workspace("ws-1", "pailot"), "INITIALIZING", "ENABLED");
    WorkspaceProbe probe = new WorkspaceProbe(pai);

    assertThat(probe.status("ws-1")).isEqualTo("INITIALIZING");
    assertThat(probe.status("ws-1")).isEqualTo("ENABLED");
  }

  // end::errors[]
  // tag::custom[]
  @Test
  void survivesAConnectionResetAndRecordsMetrics(PaiMockEndpoint endpoint, PaiStubs stubs) {
    stubs.workspace().getWorkspace(workspace("ws-1", "pailot"));
    stubs.faults().connectionReset("GetWorkspace", 1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (Pai pai = endpoint.paiBuilder().meterRegistry(registry).build()) {
      assertThat(new WorkspaceProbe(pai).status("ws-1")).isEqualTo("ENABLED");
    }

    stubs.calls().assertCount("GetWorkspace", 2);
    assertThat(registry.get("pai.control.plane.calls").tag("outcome", "success").timer().count())
        .isEqualTo(1);
  }

  @Test
  void givesUpWhenThePaiApiStaysDown(Pai pai, PaiStubs stubs) {
    stubs.faults().fail("GetWorkspace", ErrorBodies.serviceUnavailable());

    assertThatThrownBy(() -> new WorkspaceProbe(pai).status("ws-1"))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class, e -> assertThat(e.numAttempts()).isEqualTo(4));
  }

  // end::custom[]

  /** Stands in for user code until pai-core's typed network client lands. */
  static final class VpcInventory {
    private final Pai pai;

    VpcInventory(Pai pai) {
      this.pai = pai;
    }

    int countAvailable() {
      JsonNode vpcs =
          Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, pai.region()).build())
              .body()
              .path("Vpcs")
              .path("Vpc");
      int n = 0;
      for (JsonNode v : vpcs) {
        n += "Available".equals(v.path("Status").asText()) ? 1 : 0;
      }
      return n;
    }
  }

  /** Stands in for user code until pai-core's typed workspace client lands. */
  static final class WorkspaceProbe {
    private final Pai pai;

    WorkspaceProbe(Pai pai) {
      this.pai = pai;
    }

    String status(String workspaceId) {
      ApiRequest get = ApiRequest.of(Ops.GET_WORKSPACE).path("WorkspaceId", workspaceId).build();
      return Ops.call(pai, get).body().path("Status").asText();
    }
  }
}
