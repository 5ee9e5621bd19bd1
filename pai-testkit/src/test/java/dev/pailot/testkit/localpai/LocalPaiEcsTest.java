package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.Calls.ecs;
import static dev.pailot.testkit.localpai.LocalPaiVpcTest.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPaiEcsTest {
  private static LocalPai localPai;
  private static Pai pai;
  private static String vpcId;

  @BeforeAll
  static void start() {
    localPai = LocalPai.start(Calls.fastOptions());
    pai = Calls.client(localPai);
    vpcId = Calls.availableVpc(pai, "10.0.0.0/8");
  }

  @AfterAll
  static void stop() {
    pai.close();
    localPai.close();
  }

  private static String group(String name, String... extra) {
    List<String> kv =
        new ArrayList<>(
            List.of("RegionId", "cn-shanghai", "VpcId", vpcId, "SecurityGroupName", name));
    kv.addAll(List.of(extra));
    return ecs(pai, "CreateSecurityGroup", kv.toArray(String[]::new))
        .get("SecurityGroupId")
        .asText();
  }

  private static JsonNode attribute(String sgId) {
    return ecs(
        pai, "DescribeSecurityGroupAttribute", "RegionId", "cn-shanghai", "SecurityGroupId", sgId);
  }

  @Test
  void newGroupHasNoIngressRulesAndIsDescribed() {
    String sgId =
        group("pailot-sg", "Description", "test group", "Tag.1.Key", "team", "Tag.1.Value", "ml");
    assertThat(sgId).startsWith("sg-");

    JsonNode attr = attribute(sgId);
    assertThat(attr.at("/Permissions/Permission").size()).isZero();
    assertThat(attr.get("VpcId").asText()).isEqualTo(vpcId);
    assertThat(attr.get("InnerAccessPolicy").asText()).isEqualTo("Accept");

    JsonNode listed =
        ecs(pai, "DescribeSecurityGroups", "RegionId", "cn-shanghai", "SecurityGroupId", sgId);
    JsonNode g = listed.at("/SecurityGroups/SecurityGroup/0");
    assertThat(g.get("SecurityGroupName").asText()).isEqualTo("pailot-sg");
    assertThat(g.get("SecurityGroupType").asText()).isEqualTo("normal");
    assertThat(g.at("/Tags/Tag/0/TagKey").asText()).isEqualTo("team");
    assertThat(g.at("/Tags/Tag/0/TagValue").asText()).isEqualTo("ml");
    assertThat(listed.has("NextToken")).isFalse();
  }

  @Test
  void groupNeedsAnExistingVpcAndAValidName() {
    assertThatThrownBy(
            () -> ecs(pai, "CreateSecurityGroup", "RegionId", "cn-shanghai", "VpcId", "vpc-nope"))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(LocalPaiVpcTest.code(e)).isEqualTo("InvalidVpcId.NotFound"));
    assertThat(codeOf(() -> group("1starts-with-digit")))
        .isEqualTo("InvalidSecurityGroupName.Malformed");
    assertThat(codeOf(() -> group("ok-name", "SecurityGroupType", "fancy")))
        .isEqualTo("InvalidParams.GroupType");
  }

  @Test
  void authorizeValidatesRulesAndIgnoresAnIdenticalRuleAgain() {
    String sgId = group("rules-sg");
    String[] ssh = {
      "RegionId", "cn-shanghai", "SecurityGroupId", sgId,
      "Permissions.1.IpProtocol", "tcp", "Permissions.1.PortRange", "22/22",
      "Permissions.1.SourceCidrIp", "10.1.0.0/16", "Permissions.1.Description", "ssh",
      "Permissions.2.IpProtocol", "ICMP", "Permissions.2.PortRange", "-1/-1",
      "Permissions.2.SourceCidrIp", "0.0.0.0/0", "Permissions.2.Policy", "drop",
      "Permissions.2.Priority", "5"
    };
    ecs(pai, "AuthorizeSecurityGroup", ssh);
    ecs(pai, "AuthorizeSecurityGroup", ssh);

    JsonNode rules = attribute(sgId).at("/Permissions/Permission");
    assertThat(rules.size()).isEqualTo(2);
    JsonNode first = rules.get(0);
    assertThat(first.get("SecurityGroupRuleId").asText()).startsWith("sgr-");
    assertThat(first.get("Direction").asText()).isEqualTo("ingress");
    assertThat(first.get("IpProtocol").asText()).isEqualTo("TCP");
    assertThat(first.get("PortRange").asText()).isEqualTo("22/22");
    assertThat(first.get("SourceCidrIp").asText()).isEqualTo("10.1.0.0/16");
    assertThat(first.get("Policy").asText()).isEqualTo("Accept");
    assertThat(first.get("Priority").asText()).isEqualTo("1");
    assertThat(rules.get(1).get("Policy").asText()).isEqualTo("Drop");

    assertThat(codeOf(() -> authorize(sgId, "SCTP", "1/2", "10.0.0.0/8")))
        .isEqualTo("InvalidIpProtocol.Malformed");
    assertThat(codeOf(() -> authorize(sgId, "TCP", "80-90", "10.0.0.0/8")))
        .isEqualTo("InvalidIpProtocol.Malformed");
    assertThat(codeOf(() -> authorize(sgId, "TCP", "90/80", "10.0.0.0/8")))
        .isEqualTo("OperationDenied");
    assertThat(codeOf(() -> authorize(sgId, "ICMP", "22/22", "10.0.0.0/8")))
        .isEqualTo("OperationDenied");
    assertThat(codeOf(() -> authorize(sgId, "TCP", "80/80", "10.0.0.0/33")))
        .isEqualTo("InvalidSourceCidrIp.Malformed");
    assertThat(codeOf(() -> authorize("sg-missing", "TCP", "80/80", "10.0.0.0/8")))
        .isEqualTo("InvalidSecurityGroupId.NotFound");
    assertThat(attribute(sgId).at("/Permissions/Permission").size()).isEqualTo(2);
  }

  private static void authorize(String sgId, String protocol, String ports, String cidr) {
    ecs(
        pai,
        "AuthorizeSecurityGroup",
        "RegionId",
        "cn-shanghai",
        "SecurityGroupId",
        sgId,
        "Permissions.1.IpProtocol",
        protocol,
        "Permissions.1.PortRange",
        ports,
        "Permissions.1.SourceCidrIp",
        cidr);
  }

  @Test
  void revokeByRuleIdOrByPermission() {
    String sgId = group("revoke-sg");
    authorize(sgId, "TCP", "443/443", "10.0.0.0/8");
    authorize(sgId, "UDP", "53/53", "10.0.0.0/8");
    String httpsRule = attribute(sgId).at("/Permissions/Permission/0/SecurityGroupRuleId").asText();

    ecs(
        pai,
        "RevokeSecurityGroup",
        "RegionId",
        "cn-shanghai",
        "SecurityGroupId",
        sgId,
        "SecurityGroupRuleId.1",
        httpsRule);
    assertThat(attribute(sgId).at("/Permissions/Permission/0/IpProtocol").asText())
        .isEqualTo("UDP");

    ecs(
        pai,
        "RevokeSecurityGroup",
        "RegionId",
        "cn-shanghai",
        "SecurityGroupId",
        sgId,
        "Permissions.1.IpProtocol",
        "UDP",
        "Permissions.1.PortRange",
        "53/53",
        "Permissions.1.SourceCidrIp",
        "10.0.0.0/8");
    assertThat(attribute(sgId).at("/Permissions/Permission").size()).isZero();
  }

  @Test
  void describeSecurityGroupsPagesWithNextToken() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(group("paged-sg-" + i, "Tag.1.Key", "suite", "Tag.1.Value", "next-token"));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      List<String> kv =
          new ArrayList<>(
              List.of(
                  "RegionId",
                  "cn-shanghai",
                  "MaxResults",
                  "2",
                  "Tag.1.Key",
                  "suite",
                  "Tag.1.Value",
                  "next-token"));
      if (token != null) {
        kv.addAll(List.of("NextToken", token));
      }
      JsonNode page = ecs(pai, "DescribeSecurityGroups", kv.toArray(String[]::new));
      page.at("/SecurityGroups/SecurityGroup")
          .forEach(g -> seen.add(g.get("SecurityGroupId").asText()));
      token = page.has("NextToken") ? page.get("NextToken").asText() : null;
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(
            codeOf(
                () ->
                    ecs(
                        pai,
                        "DescribeSecurityGroups",
                        "RegionId",
                        "cn-shanghai",
                        "NextToken",
                        "not-a-token")))
        .isEqualTo("InValidParameter.NextToken");
    assertThat(
            codeOf(
                () ->
                    ecs(
                        pai,
                        "DescribeSecurityGroups",
                        "RegionId",
                        "cn-shanghai",
                        "PageNumber",
                        "1")))
        .isEqualTo("NotSupported.PageNumberAndPageSize");
    JsonNode byIds =
        ecs(
            pai,
            "DescribeSecurityGroups",
            "RegionId",
            "cn-shanghai",
            "SecurityGroupIds",
            "[\"" + created.get(1) + "\",\"" + created.get(3) + "\"]");
    assertThat(byIds.at("/SecurityGroups/SecurityGroup").size()).isEqualTo(2);
  }

  @Test
  void sameClientTokenCreatesOneGroup() {
    String a = group("token-sg", "ClientToken", "sg-token-1");
    String b = group("token-sg", "ClientToken", "sg-token-1");
    assertThat(b).isEqualTo(a);
    assertThat(
            ecs(
                    pai,
                    "DescribeSecurityGroups",
                    "RegionId",
                    "cn-shanghai",
                    "SecurityGroupName",
                    "token-sg")
                .at("/SecurityGroups/SecurityGroup")
                .size())
        .isEqualTo(1);
  }

  @Test
  void deletedGroupIsGoneAndItsVpcCannotBeDeletedWhileItExists() {
    String otherVpc = Calls.availableVpc(pai, "172.31.0.0/16");
    String sgId =
        ecs(pai, "CreateSecurityGroup", "RegionId", "cn-shanghai", "VpcId", otherVpc)
            .get("SecurityGroupId")
            .asText();
    assertThat(
            codeOf(() -> Calls.vpc(pai, "DeleteVpc", "RegionId", "cn-shanghai", "VpcId", otherVpc)))
        .isEqualTo("DependencyViolation.SecurityGroup");

    ecs(pai, "DeleteSecurityGroup", "RegionId", "cn-shanghai", "SecurityGroupId", sgId);
    assertThatThrownBy(() -> attribute(sgId)).isInstanceOf(ResourceNotFoundException.class);
    Calls.vpc(pai, "DeleteVpc", "RegionId", "cn-shanghai", "VpcId", otherVpc);
  }
}
