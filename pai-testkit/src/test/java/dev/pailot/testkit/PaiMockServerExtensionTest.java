package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What {@link PaiMockServer} injects, and that each test starts from a clean server. */
@PaiMockServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaiMockServerExtensionTest {
  private final Pai constructorPai;
  private final PaiStubs constructorStubs;

  PaiMockServerExtensionTest(Pai pai, PaiStubs stubs) {
    this.constructorPai = pai;
    this.constructorStubs = stubs;
  }

  @Test
  @Order(1)
  void injectsAClientPointedAtTheServerForEveryProduct(
      Pai pai,
      PaiStubs stubs,
      PaiMockEndpoint endpoint,
      WireMockServer server,
      WireMockRuntimeInfo info) {
    URI base = URI.create("http://127.0.0.1:" + server.port());

    assertThat(pai).isSameAs(constructorPai);
    assertThat(stubs).isSameAs(constructorStubs);
    assertThat(stubs.server()).isSameAs(server);
    assertThat(info.getHttpPort()).isEqualTo(server.port());
    assertThat(endpoint.baseUri()).isEqualTo(base);
    assertThat(pai.region()).isEqualTo("cn-shanghai");
    for (Product p : Product.values()) {
      assertThat(pai.config().endpoint(p)).as(p.name()).isEqualTo(base);
    }
    assertThat(pai.credentials().kind()).isEqualTo(PaiCredentials.Kind.ACCESS_KEY);
    assertThat(pai.config().retry().maxAttempts()).isEqualTo(4);
    assertThat(pai.config().retry().jitter()).isZero();
  }

  @Test
  @Order(2)
  void leavesStubsAndRequestsBehind(Pai pai, PaiStubs stubs) {
    stubs.vpc().describeVpcs(vpc("vpc-1", "pailot", "10.0.0.0/16", "Available"));
    Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").build());

    stubs.calls().assertCount("DescribeVpcs", 1);
  }

  @Test
  @Order(3)
  void theNextTestStartsFromAResetServer(PaiStubs stubs, WireMockServer server) {
    assertThat(stubs.calls().all()).isEmpty();
    assertThat(server.getStubMappings()).isEmpty();
  }

  @Test
  @Order(4)
  void theEndpointBuildsFurtherClientsLikeTheInjectedOne(PaiMockEndpoint endpoint, Pai pai) {
    try (Pai other = endpoint.paiBuilder().userAgent("probe/1").build()) {
      assertThat(other.config().endpoint(Product.DLC))
          .isEqualTo(pai.config().endpoint(Product.DLC));
      assertThat(other.credentials()).isEqualTo(pai.credentials());
      assertThat(other.config().retry()).isEqualTo(pai.config().retry());
    }
  }

  /** Options on the annotation. */
  @Nested
  @PaiMockServer(region = "ap-southeast-1", retry = false)
  class WithOptions {
    @Test
    void regionAndRetryFollowTheAnnotation(Pai pai, PaiMockEndpoint endpoint) {
      assertThat(pai.region()).isEqualTo("ap-southeast-1");
      assertThat(endpoint.region()).isEqualTo("ap-southeast-1");
      assertThat(pai.config().retry().maxAttempts()).isEqualTo(1);
    }
  }
}
