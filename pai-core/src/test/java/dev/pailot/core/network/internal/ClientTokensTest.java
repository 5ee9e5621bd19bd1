package dev.pailot.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.network.IngressRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTokensTest {
  private final ClientTokens tokens = new ClientTokens("cn-shanghai", "");

  @Test
  void tokensAreShortAsciiAndTyped() {
    assertThat(tokens.vpc("pailot-prod", "10.0.0.0/16"))
        .matches("pailot-vpc-[0-9a-f]{32}")
        .hasSizeLessThanOrEqualTo(64);
    assertThat(tokens.vSwitch("vpc-1", "cn-shanghai-b", "b", "10.0.1.0/24"))
        .matches("pailot-vsw-[0-9a-f]{32}");
    assertThat(tokens.securityGroup("vpc-1", "sg")).matches("pailot-sg-[0-9a-f]{32}");
    assertThat(tokens.authorize("sg-1", List.of(rule(8080))))
        .matches("pailot-rules-[0-9a-f]{32}")
        .hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void sameInputSameToken() {
    ClientTokens again = new ClientTokens("cn-shanghai", "");

    assertThat(again.vpc("pailot-prod", "10.0.0.0/16"))
        .isEqualTo(tokens.vpc("pailot-prod", "10.0.0.0/16"));
    assertThat(again.authorize("sg-1", List.of(rule(80), rule(443))))
        .as("rule order does not matter")
        .isEqualTo(tokens.authorize("sg-1", List.of(rule(443), rule(80))));
  }

  @Test
  void anyDifferenceChangesTheToken() {
    String base = tokens.vSwitch("vpc-1", "cn-shanghai-b", "b", "10.0.1.0/24");

    assertThat(
            List.of(
                tokens.vSwitch("vpc-2", "cn-shanghai-b", "b", "10.0.1.0/24"),
                tokens.vSwitch("vpc-1", "cn-shanghai-g", "b", "10.0.1.0/24"),
                tokens.vSwitch("vpc-1", "cn-shanghai-b", "c", "10.0.1.0/24"),
                tokens.vSwitch("vpc-1", "cn-shanghai-b", "b", "10.0.2.0/24"),
                new ClientTokens("cn-beijing", "")
                    .vSwitch("vpc-1", "cn-shanghai-b", "b", "10.0.1.0/24"),
                new ClientTokens("cn-shanghai", "rebuild")
                    .vSwitch("vpc-1", "cn-shanghai-b", "b", "10.0.1.0/24")))
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void partsCannotBleedIntoEachOther() {
    assertThat(tokens.securityGroup("vpc-1a", "b"))
        .isNotEqualTo(tokens.securityGroup("vpc-1", "ab"));
  }

  private static RuleIdentity rule(int port) {
    return RuleIdentity.of(IngressRule.tcp(port, "10.0.0.0/8"));
  }
}
