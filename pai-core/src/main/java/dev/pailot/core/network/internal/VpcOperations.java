package dev.pailot.core.network.internal;

import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.network.internal.wire.CreateResponses;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import dev.pailot.core.paging.Page;
import dev.pailot.core.paging.Paginator;
import java.util.Map;
import java.util.Optional;

/**
 * The VPC 2016-04-28 calls of the network code, each one request through the shared pipeline.
 * Thread-safe.
 */
public final class VpcOperations {
  static final Operation DESCRIBE_VPCS = Operation.rpc(Product.VPC, "DescribeVpcs", true);
  static final Operation DESCRIBE_VSWITCHES = Operation.rpc(Product.VPC, "DescribeVSwitches", true);
  static final Operation CREATE_VPC = Operation.rpc(Product.VPC, "CreateVpc", false);
  static final Operation CREATE_VSWITCH = Operation.rpc(Product.VPC, "CreateVSwitch", false);

  /** VPC's largest page size. */
  static final int PAGE_SIZE = 50;

  private final PaiRuntime runtime;
  private final WireReader wire;
  private final String region;

  /**
   * Creates the operations.
   *
   * @param runtime the shared runtime
   */
  public VpcOperations(PaiRuntime runtime) {
    this.runtime = runtime;
    this.wire = new WireReader(runtime.json());
    this.region = runtime.config().region();
  }

  /**
   * VPCs with this name and the {@code managed-by=pailot} tag, paged lazily.
   *
   * @param name VPC name
   * @return VPCs
   */
  public Paginator<Vpc> managedVpcsNamed(String name) {
    return Paginator.byPageNumber(
        PAGE_SIZE,
        page -> {
          ApiRequest.Builder b = describeVpcs().query("VpcName", name);
          RpcLists.tags(b, Map.of(NetworkSpec.MANAGED_BY_KEY, NetworkSpec.MANAGED_BY_VALUE));
          b.query("PageNumber", page).query("PageSize", PAGE_SIZE);
          DescribeVpcsResponse r = read(b, DescribeVpcsResponse.class);
          return Page.numbered(r.items(), r.totalCount());
        });
  }

  /**
   * One VPC by id.
   *
   * @param vpcId id
   * @return the VPC, or empty while it is not visible
   */
  public Optional<Vpc> vpc(String vpcId) {
    ApiRequest.Builder b = describeVpcs().query("VpcId", vpcId);
    return read(b, DescribeVpcsResponse.class).items().stream()
        .filter(v -> vpcId.equals(v.vpcId()))
        .findFirst();
  }

  /**
   * Every vSwitch of a VPC, paged lazily.
   *
   * @param vpcId VPC id
   * @return vSwitches
   */
  public Paginator<VSwitch> vSwitches(String vpcId) {
    return Paginator.byPageNumber(
        PAGE_SIZE,
        page -> {
          ApiRequest.Builder b = describeVSwitches(vpcId);
          b.query("PageNumber", page).query("PageSize", PAGE_SIZE);
          DescribeVSwitchesResponse r = read(b, DescribeVSwitchesResponse.class);
          return Page.numbered(r.items(), r.totalCount());
        });
  }

  /**
   * One vSwitch by id.
   *
   * @param vpcId its VPC
   * @param vSwitchId id
   * @return the vSwitch, or empty while it is not visible
   */
  public Optional<VSwitch> vSwitch(String vpcId, String vSwitchId) {
    ApiRequest.Builder b = describeVSwitches(vpcId).query("VSwitchId", vSwitchId);
    return read(b, DescribeVSwitchesResponse.class).items().stream()
        .filter(v -> vSwitchId.equals(v.vSwitchId()))
        .findFirst();
  }

  /**
   * Creates the spec's VPC with all its tags.
   *
   * @param spec the spec
   * @param clientToken idempotency token
   * @return the new VPC's id
   */
  public String createVpc(NetworkSpec spec, String clientToken) {
    ApiRequest.Builder b =
        ApiRequest.of(CREATE_VPC)
            .query("RegionId", region)
            .query("CidrBlock", spec.cidrBlock())
            .query("VpcName", spec.name());
    RpcLists.tags(b, spec.tags()).query("ClientToken", clientToken);
    return read(b, CreateResponses.CreateVpc.class).vpcId();
  }

  /**
   * Creates a vSwitch with the spec's tags.
   *
   * @param vpcId parent VPC
   * @param vSwitch the vSwitch
   * @param tags tags
   * @param clientToken idempotency token
   * @return the new vSwitch's id
   */
  public String createVSwitch(
      String vpcId, VSwitchSpec vSwitch, Map<String, String> tags, String clientToken) {
    ApiRequest.Builder b =
        ApiRequest.of(CREATE_VSWITCH)
            .query("RegionId", region)
            .query("VpcId", vpcId)
            .query("ZoneId", vSwitch.zoneId())
            .query("CidrBlock", vSwitch.cidrBlock())
            .query("VSwitchName", vSwitch.name());
    RpcLists.tags(b, tags).query("ClientToken", clientToken);
    return read(b, CreateResponses.CreateVSwitch.class).vSwitchId();
  }

  private ApiRequest.Builder describeVpcs() {
    return ApiRequest.of(DESCRIBE_VPCS).query("RegionId", region);
  }

  private ApiRequest.Builder describeVSwitches(String vpcId) {
    return ApiRequest.of(DESCRIBE_VSWITCHES).query("RegionId", region).query("VpcId", vpcId);
  }

  private <T> T read(ApiRequest.Builder request, Class<T> type) {
    ApiRequest built = request.build();
    return wire.read(runtime.call(built), built.operation().action(), type);
  }
}
