package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkClient;
import dev.pailot.core.network.NetworkPlan;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.NetworkState;
import dev.pailot.core.network.PlannedChange;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.VSwitchSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Network as code against LocalPai: plan, apply, re-apply, drift — outcomes, not call shapes. */
class NetworkOnLocalPaiTest {
  private LocalPai localPai;
  private Pai pai;
  private NetworkClient network;

  @BeforeEach
  void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).build());
    pai = localPai.newClient();
    network =
        NetworkClient.builder(pai).pollDelays(Duration.ofMillis(5), Duration.ofMillis(50)).build();
  }

  @AfterEach
  void stop() {
    pai.close();
    localPai.close();
  }

  private static NetworkSpec spec() {
    return NetworkSpec.builder()
        .name("it-net")
        .cidrBlock("172.16.0.0/16")
        .addVSwitches(
            VSwitchSpec.of("cn-shanghai-b", "172.16.1.0/24", "it-b"),
            VSwitchSpec.of("cn-shanghai-g", "172.16.2.0/24", "it-g"))
        .securityGroup(
            SecurityGroupSpec.builder()
                .name("it-sg")
                .addIngressRules(IngressRule.tcp(8080, "172.16.100.0/24"))
                .build())
        .build();
  }

  @Test
  void applyCreatesEverythingAndReapplySendsNoCreate() {
    assertThat(network.plan(spec()).creates()).hasSize(5);
    NetworkState first = network.apply(spec());
    assertThat(first.created()).isEqualTo(5);

    localPai.requests().clear();
    NetworkState second = network.apply(spec());

    assertThat(second.created()).isZero();
    assertThat(second.vpcId()).isEqualTo(first.vpcId());
    assertThat(second.securityGroupId()).isEqualTo(first.securityGroupId());
    assertThat(localPai.requests().all())
        .noneMatch(r -> r.action().startsWith("Create") || r.action().startsWith("Authorize"));
    assertThat(network.plan(spec()).hasChanges()).isFalse();
  }

  @Test
  void anOutOfBandRuleIsReportedAsDriftAndNeverRevoked() {
    NetworkState state = network.apply(spec());
    PaiRuntime.of(pai)
        .call(
            ApiRequest.of(Operation.rpc(Product.ECS, "AuthorizeSecurityGroup", false))
                .query("RegionId", "cn-shanghai")
                .query("SecurityGroupId", state.securityGroupId())
                .query("Permissions.1.IpProtocol", "TCP")
                .query("Permissions.1.PortRange", "22/22")
                .query("Permissions.1.SourceCidrIp", "0.0.0.0/0")
                .build());

    NetworkPlan plan = network.plan(spec());
    assertThat(plan.drift())
        .singleElement()
        .satisfies(
            d -> assertThat(d.resourceType()).isEqualTo(PlannedChange.ResourceType.INGRESS_RULE));
    assertThat(plan.render()).contains("drift").contains("0.0.0.0/0");

    localPai.requests().clear();
    NetworkState again = network.apply(spec());
    assertThat(again.drift()).hasSize(1);
    assertThat(localPai.requests().all()).noneMatch(r -> r.action().startsWith("Revoke"));
  }

  @Test
  void publicIngressIsRefusedBeforeAnyCall() {
    localPai.requests().clear();
    assertThatThrownBy(
            () ->
                spec().toBuilder()
                    .securityGroup(
                        SecurityGroupSpec.builder()
                            .name("it-sg")
                            .addIngressRules(IngressRule.tcp(22, "0.0.0.0/0"))
                            .build())
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("0.0.0.0/0");
    assertThat(localPai.requests().all()).isEmpty();
  }
}
