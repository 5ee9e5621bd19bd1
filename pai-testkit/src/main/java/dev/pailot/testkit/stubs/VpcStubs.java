package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.pailot.testkit.stubs.StubWiring.CREATED;
import static dev.pailot.testkit.stubs.StubWiring.body;
import static dev.pailot.testkit.stubs.StubWiring.ok;
import static dev.pailot.testkit.stubs.StubWiring.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;

/**
 * Stubs for VPC 2016-04-28 (RPC: {@code POST /}, matched by {@code x-acs-action}). Each method
 * registers one stub and returns it; a later stub for the same request wins.
 *
 * <p>Thread-safe (WireMock's stub store is). Stubs live until the server is reset.
 */
public final class VpcStubs {
  private final StubWiring wiring;

  /**
   * Stubs on {@code server}.
   *
   * @param server a running WireMock server
   */
  public VpcStubs(WireMockServer server) {
    this.wiring = new StubWiring(server);
  }

  /**
   * {@code CreateVpc} answers {@code {RequestId, VpcId, VRouterId, RouteTableId, ResourceGroupId}}.
   *
   * @param vpcId the id to return
   * @return the stub
   */
  public StubMapping createVpc(String vpcId) {
    String suffix = vpcId.startsWith("vpc-") ? vpcId.substring(4) : vpcId;
    ObjectNode b = body();
    b.put("VpcId", vpcId);
    b.put("VRouterId", "vrt-" + suffix);
    b.put("RouteTableId", "vtb-" + suffix);
    b.put("ResourceGroupId", "rg-default");
    return wiring.register("CreateVpc", rpc("CreateVpc"), ok(b));
  }

  /**
   * {@code DescribeVpcs} (any page) answers these VPCs as one page: {@code {RequestId, TotalCount,
   * PageNumber: 1, PageSize, Vpcs: {Vpc: [...]}}}.
   *
   * @param vpcs the VPCs
   * @return the stub
   */
  public StubMapping describeVpcs(VpcFixture... vpcs) {
    return wiring.register(
        "DescribeVpcs",
        rpc("DescribeVpcs"),
        ok(vpcPage(1, Math.max(10, vpcs.length), vpcs.length, List.of(vpcs))));
  }

  /**
   * {@code DescribeVpcs} with {@code PageNumber=pageNumber} (page 1 also matches no PageNumber)
   * answers one page of a longer listing.
   *
   * @param pageNumber 1-based page number
   * @param pageSize page size reported
   * @param totalCount total number of VPCs reported
   * @param vpcs the VPCs on this page
   * @return the stub
   */
  public StubMapping describeVpcsPage(
      int pageNumber, int pageSize, int totalCount, List<VpcFixture> vpcs) {
    return wiring.register(
        "DescribeVpcs",
        rpc("DescribeVpcs")
            .withQueryParam(
                "PageNumber", StubWiring.page(String.valueOf(pageNumber), pageNumber == 1)),
        ok(vpcPage(pageNumber, pageSize, totalCount, vpcs)));
  }

  /**
   * {@code CreateVSwitch} answers {@code {RequestId, VSwitchId}}.
   *
   * @param vSwitchId the id to return
   * @return the stub
   */
  public StubMapping createVSwitch(String vSwitchId) {
    ObjectNode b = body();
    b.put("VSwitchId", vSwitchId);
    return wiring.register("CreateVSwitch", rpc("CreateVSwitch"), ok(b));
  }

  /**
   * {@code DescribeVSwitches} answers these vSwitches as one page: {@code {RequestId, TotalCount,
   * PageNumber, PageSize, VSwitches: {VSwitch: [...]}}}.
   *
   * @param vSwitches the vSwitches
   * @return the stub
   */
  public StubMapping describeVSwitches(VSwitchFixture... vSwitches) {
    ObjectNode b = body();
    b.put("TotalCount", vSwitches.length);
    b.put("PageNumber", 1);
    b.put("PageSize", Math.max(10, vSwitches.length));
    ArrayNode list = b.putObject("VSwitches").putArray("VSwitch");
    for (VSwitchFixture v : vSwitches) {
      ObjectNode n = list.addObject();
      n.put("VSwitchId", v.vSwitchId());
      n.put("VSwitchName", v.vSwitchName());
      n.put("VpcId", v.vpcId());
      n.put("ZoneId", v.zoneId());
      n.put("CidrBlock", v.cidrBlock());
      n.put("Status", v.status());
      n.put("AvailableIpAddressCount", 252);
      n.put("IsDefault", false);
      n.put("CreationTime", CREATED);
      n.put("ResourceGroupId", "rg-default");
      n.set("Tags", StubWiring.rpcTags(v.tags()));
    }
    return wiring.register("DescribeVSwitches", rpc("DescribeVSwitches"), ok(b));
  }

  /**
   * {@code DeleteVpc} for {@code VpcId=vpcId} answers {@code {RequestId}}.
   *
   * @param vpcId the VPC id the request must name
   * @return the stub
   */
  public StubMapping deleteVpc(String vpcId) {
    return wiring.register(
        "DeleteVpc", rpc("DeleteVpc").withQueryParam("VpcId", equalTo(vpcId)), ok(body()));
  }

  /**
   * {@code DeleteVSwitch} for {@code VSwitchId=vSwitchId} answers {@code {RequestId}}.
   *
   * @param vSwitchId the vSwitch id the request must name
   * @return the stub
   */
  public StubMapping deleteVSwitch(String vSwitchId) {
    return wiring.register(
        "DeleteVSwitch",
        rpc("DeleteVSwitch").withQueryParam("VSwitchId", equalTo(vSwitchId)),
        ok(body()));
  }

  private static ObjectNode vpcPage(
      int pageNumber, int pageSize, int totalCount, List<VpcFixture> vpcs) {
    ObjectNode b = body();
    b.put("TotalCount", totalCount);
    b.put("PageNumber", pageNumber);
    b.put("PageSize", pageSize);
    ArrayNode list = b.putObject("Vpcs").putArray("Vpc");
    for (VpcFixture v : vpcs) {
      ObjectNode n = list.addObject();
      n.put("VpcId", v.vpcId());
      n.put("VpcName", v.vpcName());
      n.put("Status", v.status());
      n.put("CidrBlock", v.cidrBlock());
      n.put("Description", v.description());
      n.put("IsDefault", false);
      n.put("CreationTime", CREATED);
      n.put("ResourceGroupId", "rg-default");
      n.put("VRouterId", "vrt-" + v.vpcId());
      n.set("VSwitchIds", StubWiring.rpcStrings("VSwitchId", v.vSwitchIds()));
      n.set("Tags", StubWiring.rpcTags(v.tags()));
    }
    return b;
  }
}
