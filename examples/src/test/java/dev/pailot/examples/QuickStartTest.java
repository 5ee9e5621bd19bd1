package dev.pailot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkClient;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.NetworkState;
import dev.pailot.core.network.SecurityGroupSpec;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import dev.pailot.testkit.localpai.LocalPai;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run against LocalPai. */
class QuickStartTest {
  @Test
  void quickStart() {
    // tag::quickstart[]
    try (LocalPai localPai = LocalPai.start(); // the local emulator; leave it out for Alibaba Cloud
        Pai pai = localPai.clientBuilder().build()) { // Pai.builder().region("cn-shanghai").build()
      NetworkSpec spec =
          NetworkSpec.builder()
              .name("llm-prod")
              .cidrBlock("10.0.0.0/16")
              .addVSwitches(VSwitchSpec.of("cn-shanghai-b", "10.0.1.0/24", "llm-prod-b"))
              .securityGroup(
                  SecurityGroupSpec.builder()
                      .name("llm-prod-sg") // denies all ingress but the load balancer's subnet
                      .addIngressRules(IngressRule.tcp(8080, "10.0.1.0/24"))
                      .build())
              .build();
      NetworkState network = NetworkClient.create(pai).apply(spec); // idempotent
      WorkspaceState workspace =
          WorkspaceClient.create(pai).ensure(WorkspaceSpec.builder().name("llm_prod").build());
      System.out.println(network.vpcId() + " " + workspace.workspace().status());
      // end::quickstart[]
      assertThat(network.vpcId()).startsWith("vpc-");
      assertThat(workspace.workspace().status()).hasToString("ENABLED");
    }
  }
}
