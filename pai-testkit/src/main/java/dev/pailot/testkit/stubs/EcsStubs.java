package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.pailot.testkit.stubs.StubWiring.CREATED;
import static dev.pailot.testkit.stubs.StubWiring.body;
import static dev.pailot.testkit.stubs.StubWiring.ok;
import static dev.pailot.testkit.stubs.StubWiring.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Stubs for ECS 2014-05-26 security groups (RPC: {@code POST /}, matched by {@code x-acs-action}).
 * Each method registers its stubs and returns them; a later stub for the same request wins.
 *
 * <p>Thread-safe (WireMock's stub store is). Stubs live until the server is reset.
 */
public final class EcsStubs {
  private final StubWiring wiring;

  /**
   * Stubs on {@code server}.
   *
   * @param server a running WireMock server
   */
  public EcsStubs(WireMockServer server) {
    this.wiring = new StubWiring(server);
  }

  /**
   * The {@code NextToken} that {@link #describeSecurityGroupsPages} hands out after page {@code
   * index} (0-based).
   *
   * @param index page index
   * @return token
   */
  public static String nextToken(int index) {
    return "pailot-next-" + (index + 1);
  }

  /**
   * {@code CreateSecurityGroup} answers {@code {RequestId, SecurityGroupId}}.
   *
   * @param securityGroupId the id to return
   * @return the stub
   */
  public StubMapping createSecurityGroup(String securityGroupId) {
    ObjectNode b = body();
    b.put("SecurityGroupId", securityGroupId);
    return wiring.register("CreateSecurityGroup", rpc("CreateSecurityGroup"), ok(b));
  }

  /**
   * {@code DescribeSecurityGroups} answers these groups as a single page with an empty {@code
   * NextToken}: {@code {RequestId, RegionId, NextToken: "", SecurityGroups: {SecurityGroup:
   * [...]}}}.
   *
   * @param groups the groups
   * @return the stub
   */
  public StubMapping describeSecurityGroups(SecurityGroupFixture... groups) {
    return wiring.register(
        "DescribeSecurityGroups",
        rpc("DescribeSecurityGroups"),
        ok(groupPage(List.of(groups), "")));
  }

  /**
   * {@code DescribeSecurityGroups} in {@code NextToken} mode: the first page answers a request
   * without {@code NextToken}, page {@code i} answers {@code NextToken=}{@link #nextToken
   * nextToken(i - 1)}, and every page but the last returns the next page's token.
   *
   * @param pages the groups on each page, in order; at least one page
   * @return the stubs, one per page
   */
  public List<StubMapping> describeSecurityGroupsPages(List<List<SecurityGroupFixture>> pages) {
    List<StubMapping> out = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      String next = i == pages.size() - 1 ? "" : nextToken(i);
      var mapping =
          rpc("DescribeSecurityGroups")
              .withQueryParam("NextToken", i == 0 ? absent() : equalTo(nextToken(i - 1)));
      out.add(
          wiring.register("DescribeSecurityGroups", mapping, ok(groupPage(pages.get(i), next))));
    }
    return out;
  }

  /**
   * {@code AuthorizeSecurityGroup} for {@code SecurityGroupId=securityGroupId} answers {@code
   * {RequestId}}.
   *
   * @param securityGroupId the group id the request must name
   * @return the stub
   */
  public StubMapping authorizeSecurityGroup(String securityGroupId) {
    return wiring.register(
        "AuthorizeSecurityGroup",
        rpc("AuthorizeSecurityGroup").withQueryParam("SecurityGroupId", equalTo(securityGroupId)),
        ok(body()));
  }

  /**
   * {@code DescribeSecurityGroupAttribute} for this group answers its attributes and rules: {@code
   * {RequestId, RegionId, SecurityGroupId, SecurityGroupName, VpcId, Description,
   * InnerAccessPolicy, NextToken, Permissions: {Permission: [...]}}}.
   *
   * @param group the group, with its rules
   * @return the stub
   */
  public StubMapping describeSecurityGroupAttribute(SecurityGroupFixture group) {
    ObjectNode b = body();
    b.put("SecurityGroupId", group.securityGroupId());
    b.put("SecurityGroupName", group.securityGroupName());
    b.put("VpcId", group.vpcId());
    b.put("Description", group.description());
    b.put("InnerAccessPolicy", "Accept");
    b.put("NextToken", "");
    ArrayNode list = b.putObject("Permissions").putArray("Permission");
    for (PermissionFixture p : group.permissions()) {
      ObjectNode n = list.addObject();
      boolean ingress = "ingress".equals(p.direction());
      n.put("SecurityGroupRuleId", p.securityGroupRuleId());
      n.put("Direction", p.direction());
      n.put("IpProtocol", p.ipProtocol());
      n.put("PortRange", p.portRange());
      n.put("SourceCidrIp", ingress ? p.cidrIp() : "");
      n.put("DestCidrIp", ingress ? "" : p.cidrIp());
      n.put("SourceGroupId", "");
      n.put("Policy", p.policy());
      n.put("Priority", String.valueOf(p.priority()));
      n.put("NicType", "intranet");
      n.put("Description", p.description());
      n.put("CreateTime", CREATED);
    }
    return wiring.register(
        "DescribeSecurityGroupAttribute",
        rpc("DescribeSecurityGroupAttribute")
            .withQueryParam("SecurityGroupId", equalTo(group.securityGroupId())),
        ok(b));
  }

  /**
   * {@code RevokeSecurityGroup} for {@code SecurityGroupId=securityGroupId} answers {@code
   * {RequestId}}.
   *
   * @param securityGroupId the group id the request must name
   * @return the stub
   */
  public StubMapping revokeSecurityGroup(String securityGroupId) {
    return wiring.register(
        "RevokeSecurityGroup",
        rpc("RevokeSecurityGroup").withQueryParam("SecurityGroupId", equalTo(securityGroupId)),
        ok(body()));
  }

  /**
   * {@code DeleteSecurityGroup} for {@code SecurityGroupId=securityGroupId} answers {@code
   * {RequestId}}.
   *
   * @param securityGroupId the group id the request must name
   * @return the stub
   */
  public StubMapping deleteSecurityGroup(String securityGroupId) {
    return wiring.register(
        "DeleteSecurityGroup",
        rpc("DeleteSecurityGroup").withQueryParam("SecurityGroupId", equalTo(securityGroupId)),
        ok(body()));
  }

  private static ObjectNode groupPage(List<SecurityGroupFixture> groups, String nextToken) {
    ObjectNode b = body();
    b.put("NextToken", nextToken);
    ArrayNode list = b.putObject("SecurityGroups").putArray("SecurityGroup");
    for (SecurityGroupFixture g : groups) {
      ObjectNode n = list.addObject();
      n.put("SecurityGroupId", g.securityGroupId());
      n.put("SecurityGroupName", g.securityGroupName());
      n.put("SecurityGroupType", g.securityGroupType());
      n.put("VpcId", g.vpcId());
      n.put("Description", g.description());
      n.put("CreationTime", CREATED);
      n.put("ResourceGroupId", "rg-default");
      n.put("RuleCount", g.permissions().size());
      n.put("ServiceManaged", false);
      n.set("Tags", StubWiring.ecsTags(g.tags()));
    }
    return b;
  }
}
