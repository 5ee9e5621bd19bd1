package dev.pailot.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import org.junit.jupiter.api.Test;

class RuleIdentityTest {

  @Test
  void cloudSpellingMatchesTheSpecRule() {
    Permission reported =
        new Permission(
            "sgr-1",
            "ingress",
            "tcp",
            "8080/8080",
            "10.0.0.0/8",
            "",
            "",
            "Accept",
            "1",
            "intranet",
            "set by hand");

    assertThat(RuleIdentity.of(reported))
        .contains(RuleIdentity.of(IngressRule.tcp(8080, "10.0.0.0/8")));
  }

  @Test
  void priorityAndPolicyArePartOfTheIdentity() {
    IngressRule rule = IngressRule.tcp(8080, "10.0.0.0/8");

    assertThat(RuleIdentity.of(rule.toBuilder().priority(2).build()))
        .isNotEqualTo(RuleIdentity.of(rule));
    assertThat(RuleIdentity.of(rule.toBuilder().policy(IngressRule.Policy.DROP).build()))
        .isNotEqualTo(RuleIdentity.of(rule));
    assertThat(RuleIdentity.of(rule.toBuilder().description("other").build()))
        .isEqualTo(RuleIdentity.of(rule));
  }

  @Test
  void ipv6SourceIsRead() {
    Permission reported =
        new Permission(
            "sgr-2",
            "ingress",
            "TCP",
            "443/443",
            "",
            "2001:db8::/32",
            "",
            "accept",
            "1",
            "intranet",
            "");

    assertThat(RuleIdentity.of(reported))
        .contains(RuleIdentity.of(IngressRule.tcp(443, "2001:0db8::/32")));
  }

  @Test
  void groupSourcedRulesHaveNoBlockIdentity() {
    Permission reported =
        new Permission(
            "sgr-3", "ingress", "TCP", "22/22", "", "", "sg-other", "Accept", "1", "intranet", "");

    assertThat(RuleIdentity.of(reported)).isEmpty();
  }
}
