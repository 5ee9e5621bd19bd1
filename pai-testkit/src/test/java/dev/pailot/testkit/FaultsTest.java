package dev.pailot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.testkit.stubs.ErrorBodies;
import dev.pailot.testkit.stubs.ErrorResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault injection details not covered by the retry tests. */
@PaiMockServer(retry = false)
class FaultsTest {

  @Test
  void delayEditsTheRegisteredStubsOfTheAction(PaiStubs stubs) {
    stubs.vpc().describeVpcs();
    stubs.vpc().createVpc("vpc-1");

    List<StubMapping> delayed = stubs.faults().delay("DescribeVpcs", Duration.ofMillis(250));

    assertThat(delayed).hasSize(1);
    assertThat(stubs.server().getStubMapping(delayed.get(0).getId()).getItem().getResponse())
        .extracting(r -> r.getFixedDelayMilliseconds())
        .isEqualTo(250);
    assertThat(stubs.server().getStubMappings())
        .filteredOn(m -> m.getResponse().getFixedDelayMilliseconds() == null)
        .hasSize(1);
  }

  @Test
  void delayWithoutAStubIsAMistake(PaiStubs stubs) {
    assertThatThrownBy(() -> stubs.faults().delay("GetWorkspace", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GetWorkspace");
  }

  @Test
  void timesMustBePositive(PaiStubs stubs) {
    assertThatThrownBy(() -> stubs.faults().serviceUnavailable("DescribeVpcs", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherNetworkFaultsSurfaceAsTransientFailures(Pai pai, PaiStubs stubs) {
    stubs.faults().fault("DescribeVpcs", Fault.EMPTY_RESPONSE, 1);

    assertThatThrownBy(() -> Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build()))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  void errorBodiesHaveBothDocumentedShapes() {
    ErrorResponse upper = ErrorBodies.invalidParameter("CidrBlock").withRequestId("RID-1");

    assertThat(upper.body())
        .contains("\"RequestId\":\"RID-1\"")
        .contains("\"HostId\"")
        .contains("\"Code\":\"InvalidParameter\"")
        .contains("\"Message\"")
        .contains("\"Recommend\"");
    assertThat(upper.withLowercaseKeys().body())
        .isEqualTo(
            "{\"requestId\":\"RID-1\",\"code\":\"InvalidParameter\",\"message\":"
                + "\"The specified parameter \\\"CidrBlock\\\" is not valid.\"}");
    assertThat(ErrorBodies.throttling(Duration.ofMillis(40)).headers().get("x-ratelimit-user-api"))
        .startsWith("Limit:100,Remain:0,TimeLeft:40,Reset:");
    assertThatThrownBy(() -> ErrorResponse.of(200, "Ok", "fine"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
