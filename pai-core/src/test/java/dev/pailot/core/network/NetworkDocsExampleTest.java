package dev.pailot.core.network;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of {@code docs/network.md}, compiled and run against WireMock. */
class NetworkDocsExampleTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void credentialsForTheDefaultChain() {
    // The chain's first source; the example itself shows what production code writes.
    System.setProperty("alibabacloud.accessKeyId", "LTAI5tDocsExample");
    System.setProperty("alibabacloud.accessKeySecret", "docs-example-secret");
  }

  @AfterEach
  void clearCredentials() {
    System.clearProperty("alibabacloud.accessKeyId");
    System.clearProperty("alibabacloud.accessKeySecret");
  }

  @Test
  void planThenApply() {
    new CloudStubs(wm).existingNetwork();
    URI endpoint = URI.create(wm.baseUrl());

    // tag::example[]
    NetworkSpec spec =
        NetworkSpec.builder()
            .name("pailot-prod")
            .cidrBlock("10.0.0.0/16")
            .putTags("team", "ml")
            .addVSwitches(
                VSwitchSpec.of("cn-shanghai-b", "10.0.1.0/24", "pailot-prod-b"),
                VSwitchSpec.of("cn-shanghai-g", "10.0.2.0/24", "pailot-prod-g"))
            .securityGroup(
                SecurityGroupSpec.builder()
                    .name("pailot-prod-sg")
                    .addIngressRules(
                        IngressRule.tcp(8080, "10.0.0.0/8"),
                        IngressRule.builder()
                            .protocol(IngressRule.Protocol.ICMP)
                            .sourceCidr("10.0.0.0/8")
                            .priority(2)
                            .build())
                    .build())
            .build();

    try (Pai pai =
        Pai.builder()
            .region("cn-shanghai")
            .credentials(PaiCredentials.defaultChain())
            .endpointOverride(endpoint) // LocalPai or WireMock; omit for Alibaba Cloud
            .build()) {
      NetworkClient network =
          NetworkClient.builder(pai).availableTimeout(Duration.ofMinutes(5)).build();

      NetworkPlan plan = network.plan(spec); // Describe calls only
      System.out.print(plan.render());

      NetworkState state = network.apply(spec); // creates only what is missing
      String vSwitchId = state.vSwitchId("cn-shanghai-b", "pailot-prod-b").orElseThrow();
      String securityGroupId = state.securityGroupId();
      // end::example[]

      assertThat(plan.hasChanges()).isFalse();
      assertThat(vSwitchId).isEqualTo("vsw-b");
      assertThat(securityGroupId).isEqualTo("sg-1");
      assertThat(state.created()).isZero();
    }
  }
}
