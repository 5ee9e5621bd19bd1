package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RpcActions;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Ipv4Cidr;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.List;
import java.util.Optional;

/**
 * VPC 2016-04-28 (RPC): {@code CreateVpc}, {@code DescribeVpcs}, {@code DeleteVpc}, and the vSwitch
 * actions served by {@link VSwitchOperations}. A new VPC is {@code Pending} for {@value
 * #PENDING_MINUTES} emulated minutes, then {@code Available}. Thread-safe.
 */
final class VpcHandler implements ProductHandler {
  static final double PENDING_MINUTES = 2;

  private final Emulation emulation;
  private final NetworkState state;
  private final RpcActions actions;

  VpcHandler(Emulation emulation, NetworkState state) {
    this.emulation = emulation;
    this.state = state;
    VSwitchOperations vSwitches = new VSwitchOperations(emulation, state);
    this.actions =
        RpcActions.builder()
            .on("CreateVpc", this::createVpc)
            .on("DescribeVpcs", this::describeVpcs)
            .on("DeleteVpc", this::deleteVpc)
            .on("CreateVSwitch", vSwitches::create)
            .on("DescribeVSwitches", vSwitches::describe)
            .on("DeleteVSwitch", vSwitches::delete)
            .build();
  }

  @Override
  public Product product() {
    return Product.VPC;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return actions.resolve(request);
  }

  String status(Vpc vpc) {
    return emulation.elapsed(vpc.createdAt(), PENDING_MINUTES) ? "Available" : "Pending";
  }

  private ObjectNode createVpc(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    String cidrText = p.optional("CidrBlock").orElse("172.16.0.0/12");
    Ipv4Cidr cidr =
        Ipv4Cidr.parse(cidrText, false)
            .filter(c -> c.prefix() >= 8 && c.prefix() <= 28)
            .orElseThrow(
                () ->
                    ServiceError.malformed(
                        "InvalidCidrBlock.Malformed",
                        "CidrBlock",
                        "an IPv4 CIDR block with mask /8 to /28 and no host bits, e.g."
                            + " 172.16.0.0/12; got \""
                            + cidrText
                            + "\""));
    String name = Texts.optional(p, "VpcName", 1, 128, "InvalidVpcName.Malformed");
    // Alibaba's own code is spelled "Discription".
    String description =
        Texts.optional(p, "Description", 1, 256, "InvalidVpcDiscription.Malformed");
    List<Tag> tags = Tag.parse(p);
    String token = Texts.clientToken(p);
    String resourceGroup = p.optional("ResourceGroupId").orElse(emulation.defaultResourceGroupId());
    Vpc vpc =
        state.atomically(
            () -> {
              Optional<Vpc> existing =
                  state.tokens().lookup("CreateVpc", token, p.asMap()).flatMap(state::vpc);
              if (existing.isPresent()) {
                return existing.get();
              }
              Vpc created =
                  new Vpc(
                      emulation.newId("vpc-", 21),
                      name,
                      description,
                      cidr,
                      tags,
                      resourceGroup,
                      emulation.newId("vrt-", 21),
                      emulation.newId("vtb-", 21),
                      emulation.now());
              state.putVpc(created);
              state.tokens().remember("CreateVpc", token, p.asMap(), created.id());
              return created;
            });
    return JsonNodeFactory.instance
        .objectNode()
        .put("VpcId", vpc.id())
        .put("VRouterId", vpc.vRouterId())
        .put("RouteTableId", vpc.routeTableId())
        .put("ResourceGroupId", vpc.resourceGroupId());
  }

  private ObjectNode describeVpcs(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    List<String> ids = p.csv("VpcId");
    if (ids.size() > 20) {
      throw ServiceError.invalid("VpcId", "at most 20 comma-separated VPC ids");
    }
    Optional<String> name = p.optional("VpcName");
    Optional<Boolean> isDefault = p.bool("IsDefault");
    Optional<String> resourceGroup = p.optional("ResourceGroupId");
    List<Tag> tagFilters = Tag.filters(p);
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 10, 1, 50);
    List<Vpc> matching =
        state.vpcs().stream()
            .filter(v -> ids.isEmpty() || ids.contains(v.id()))
            .filter(v -> name.isEmpty() || name.get().equals(v.name()))
            .filter(v -> isDefault.isEmpty() || !isDefault.get()) // LocalPai has no default VPC
            .filter(v -> resourceGroup.isEmpty() || resourceGroup.get().equals(v.resourceGroupId()))
            .filter(v -> Tag.matches(v.tags(), tagFilters))
            .toList();
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("TotalCount", matching.size())
            .put("PageNumber", pageNumber)
            .put("PageSize", pageSize);
    var list = out.putObject("Vpcs").putArray("Vpc");
    for (Vpc v : Pages.page(matching, pageNumber, pageSize)) {
      list.add(toJson(v));
    }
    return out;
  }

  private ObjectNode toJson(Vpc v) {
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("VpcId", v.id())
            .put("RegionId", emulation.region())
            .put("Status", status(v))
            .put("VpcName", v.name())
            .put("Description", v.description())
            .put("CidrBlock", v.cidr().toString())
            .put("VRouterId", v.vRouterId())
            .put("IsDefault", false)
            .put("CreationTime", Emulation.seconds(v.createdAt()))
            .put("ResourceGroupId", v.resourceGroupId())
            .put("OwnerId", Long.parseLong(emulation.accountId()))
            .put("Ipv6CidrBlock", "")
            .put("DhcpOptionsSetId", "")
            .put("CenStatus", "Detached");
    var vsw = n.putObject("VSwitchIds").putArray("VSwitchId");
    state.vSwitchesOf(v.id()).forEach(s -> vsw.add(s.id()));
    n.putObject("RouterTableIds").putArray("RouterTableIds").add(v.routeTableId());
    n.putObject("UserCidrs").putArray("UserCidr");
    n.putObject("NatGatewayIds").putArray("NatGatewayIds");
    n.putObject("SecondaryCidrBlocks").putArray("SecondaryCidrBlock");
    n.set("Tags", Tag.toJson(v.tags(), "Key", "Value"));
    return n;
  }

  private ObjectNode deleteVpc(ControlRequest request) {
    QueryParams p = request.params();
    p.optional("RegionId").ifPresent(emulation::checkRegion);
    String id = p.required("VpcId");
    state.atomically(
        () -> {
          Vpc vpc =
              state
                  .vpc(id)
                  .orElseThrow(
                      () ->
                          ServiceError.notFound(
                              "InvalidVpcId.NotFound",
                              "Specified VPC does not exist: " + id + "."));
          if (!"Available".equals(status(vpc))) {
            throw new ServiceError(
                400, "IncorrectVpcStatus", "Current VPC status does not support this operation.");
          }
          if (!state.vSwitchesOf(id).isEmpty()) {
            throw new ServiceError(
                400,
                "DependencyViolation.VSwitch",
                "Specified object has dependent resources: delete the vSwitches of "
                    + id
                    + " first.");
          }
          if (state.securityGroups().stream().anyMatch(g -> g.vpcId().equals(id))) {
            throw new ServiceError(
                400,
                "DependencyViolation.SecurityGroup",
                "Specified object has dependent resources SecurityGroup: delete the security groups"
                    + " of "
                    + id
                    + " first.");
          }
          state.removeVpc(id);
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }
}
