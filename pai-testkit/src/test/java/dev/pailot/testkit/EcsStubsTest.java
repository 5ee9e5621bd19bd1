package dev.pailot.testkit;

import static dev.pailot.testkit.stubs.Fixtures.egress;
import static dev.pailot.testkit.stubs.Fixtures.ingress;
import static dev.pailot.testkit.stubs.Fixtures.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.testkit.stubs.EcsStubs;
import dev.pailot.testkit.stubs.SecurityGroupFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ECS stubs answer pai-core's RPC requests with the documented response shapes. */
@PaiMockServer
class EcsStubsTest {
  private static final SecurityGroupFixture SG =
      securityGroup("sg-1", "pailot-sg", "vpc-1")
          .withTag("pailot", "true")
          .withPermissions(
              ingress("TCP", "22/22", "10.0.0.0/8").withDescription("ssh"),
              egress("ALL", "-1/-1", "0.0.0.0/0"));

  @Test
  void createAndDescribeASecurityGroup(Pai pai, PaiStubs stubs) {
    stubs.ecs().createSecurityGroup("sg-1");
    stubs.ecs().describeSecurityGroups(SG);

    JsonNode created =
        Ops.call(pai, Ops.rpc(Ops.CREATE_SECURITY_GROUP, "cn-shanghai").build()).body();
    JsonNode listed =
        Ops.call(pai, Ops.rpc(Ops.DESCRIBE_SECURITY_GROUPS, "cn-shanghai").build()).body();

    assertThat(created.path("SecurityGroupId").asText()).isEqualTo("sg-1");
    assertThat(listed.path("NextToken").asText()).isEmpty();
    JsonNode g = listed.path("SecurityGroups").path("SecurityGroup").get(0);
    assertThat(g.path("SecurityGroupId").asText()).isEqualTo("sg-1");
    assertThat(g.path("SecurityGroupName").asText()).isEqualTo("pailot-sg");
    assertThat(g.path("SecurityGroupType").asText()).isEqualTo("normal");
    assertThat(g.path("VpcId").asText()).isEqualTo("vpc-1");
    assertThat(g.path("RuleCount").asInt()).isEqualTo(2);
    assertThat(g.path("Tags").path("Tag").get(0).path("TagKey").asText())
        .isEqualTo("pailot"); // ECS, unlike VPC, names tag fields TagKey/TagValue
  }

  @Test
  void describeSecurityGroupsPagesWithNextToken(Pai pai, PaiStubs stubs) {
    stubs
        .ecs()
        .describeSecurityGroupsPages(
            List.of(
                List.of(securityGroup("sg-1", "a", "vpc-1"), securityGroup("sg-2", "b", "vpc-1")),
                List.of(securityGroup("sg-3", "c", "vpc-1"))));

    List<String> ids = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page =
          Ops.call(
                  pai,
                  Ops.rpc(Ops.DESCRIBE_SECURITY_GROUPS, "cn-shanghai")
                      .query("MaxResults", 2)
                      .query("NextToken", token)
                      .build())
              .body();
      page.path("SecurityGroups")
          .path("SecurityGroup")
          .forEach(g -> ids.add(g.path("SecurityGroupId").asText()));
      token = page.path("NextToken").asText();
      pages++;
    } while (!token.isEmpty() && pages < 5);

    assertThat(ids).containsExactly("sg-1", "sg-2", "sg-3");
    assertThat(pages).isEqualTo(2);
    stubs
        .calls()
        .ofAction("DescribeSecurityGroups")
        .get(1)
        .assertQueryParam("NextToken", EcsStubs.nextToken(0));
  }

  @Test
  void rulesAreAuthorizedDescribedAndRevoked(Pai pai, PaiStubs stubs) {
    stubs.ecs().authorizeSecurityGroup("sg-1");
    stubs.ecs().describeSecurityGroupAttribute(SG);
    stubs.ecs().revokeSecurityGroup("sg-1");
    stubs.ecs().deleteSecurityGroup("sg-1");

    Ops.call(
        pai,
        Ops.rpc(Ops.AUTHORIZE_SECURITY_GROUP, "cn-shanghai")
            .query("SecurityGroupId", "sg-1")
            .query("Permissions.1.IpProtocol", "TCP")
            .query("Permissions.1.PortRange", "22/22")
            .query("Permissions.1.SourceCidrIp", "10.0.0.0/8")
            .build());
    JsonNode attribute =
        Ops.call(
                pai,
                Ops.rpc(Ops.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, "cn-shanghai")
                    .query("SecurityGroupId", "sg-1")
                    .build())
            .body();
    Ops.call(
        pai,
        Ops.rpc(Ops.REVOKE_SECURITY_GROUP, "cn-shanghai")
            .query("SecurityGroupId", "sg-1")
            .query("SecurityGroupRuleId.1", "sgr-1")
            .build());
    Ops.call(
        pai,
        Ops.rpc(Ops.DELETE_SECURITY_GROUP, "cn-shanghai").query("SecurityGroupId", "sg-1").build());

    assertThat(attribute.path("SecurityGroupId").asText()).isEqualTo("sg-1");
    assertThat(attribute.path("VpcId").asText()).isEqualTo("vpc-1");
    assertThat(attribute.path("InnerAccessPolicy").asText()).isEqualTo("Accept");
    JsonNode rules = attribute.path("Permissions").path("Permission");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("Direction").asText()).isEqualTo("ingress");
    assertThat(rules.get(0).path("IpProtocol").asText()).isEqualTo("TCP");
    assertThat(rules.get(0).path("PortRange").asText()).isEqualTo("22/22");
    assertThat(rules.get(0).path("SourceCidrIp").asText()).isEqualTo("10.0.0.0/8");
    assertThat(rules.get(0).path("Description").asText()).isEqualTo("ssh");
    assertThat(rules.get(0).path("SecurityGroupRuleId").asText()).startsWith("sgr-");
    assertThat(rules.get(1).path("Direction").asText()).isEqualTo("egress");
    assertThat(rules.get(1).path("DestCidrIp").asText()).isEqualTo("0.0.0.0/0");
    stubs.calls().assertAllMatched();
    stubs
        .calls()
        .single("AuthorizeSecurityGroup")
        .assertQueryParam("Permissions.1.SourceCidrIp", "10.0.0.0/8");
  }
}
