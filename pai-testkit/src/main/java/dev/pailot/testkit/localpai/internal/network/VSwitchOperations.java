package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Ipv4Cidr;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VPC's vSwitch actions: {@code CreateVSwitch}, {@code DescribeVSwitches}, {@code DeleteVSwitch}. A
 * vSwitch needs an {@code Available} VPC, a zone of the region, and a /16../29 block inside the
 * VPC's that overlaps no sibling. It is {@code Pending} for {@value VpcHandler#PENDING_MINUTES}
 * emulated minutes. Thread-safe.
 */
final class VSwitchOperations {
  private final Emulation emulation;
  private final NetworkState state;

  VSwitchOperations(Emulation emulation, NetworkState state) {
    this.emulation = emulation;
    this.state = state;
  }

  private String status(VSwitch v) {
    return emulation.elapsed(v.createdAt(), VpcHandler.PENDING_MINUTES) ? "Available" : "Pending";
  }

  ObjectNode create(ControlRequest request) {
    QueryParams p = request.params();
    p.optional("RegionId").ifPresent(emulation::checkRegion);
    String vpcId = p.required("VpcId");
    String zoneId = p.required("ZoneId");
    String cidrText = p.required("CidrBlock");
    if (!zoneId.matches(Pattern.quote(emulation.region()) + "-[a-z]")) {
      throw ServiceError.notFound(
          "InvalidZoneId.NotFound",
          "Specified zone does not exist: " + zoneId + " is not a zone of " + emulation.region());
    }
    Ipv4Cidr cidr =
        Ipv4Cidr.parse(cidrText, false)
            .filter(c -> c.prefix() >= 16 && c.prefix() <= 29)
            .orElseThrow(
                () ->
                    ServiceError.malformed(
                        "InvalidCidrBlock.Malformed",
                        "CidrBlock",
                        "an IPv4 CIDR block with mask /16 to /29 and no host bits; got \""
                            + cidrText
                            + "\""));
    String name = Texts.optional(p, "VSwitchName", 1, 128, "InvalidVSwitchName.Malformed");
    String description =
        Texts.optional(p, "Description", 1, 256, "InvalidVSwitchDiscription.Malformed");
    List<Tag> tags = Tag.parse(p);
    String token = Texts.clientToken(p);
    VSwitch created =
        state.atomically(
            () -> {
              Optional<VSwitch> existing =
                  state.tokens().lookup("CreateVSwitch", token, p.asMap()).flatMap(state::vSwitch);
              if (existing.isPresent()) {
                return existing.get();
              }
              Vpc vpc = checkVpc(vpcId, cidr);
              VSwitch v =
                  new VSwitch(
                      emulation.newId("vsw-", 21),
                      vpcId,
                      zoneId,
                      cidr,
                      name,
                      description,
                      tags,
                      vpc.resourceGroupId(),
                      emulation.now());
              state.putVSwitch(v);
              state.tokens().remember("CreateVSwitch", token, p.asMap(), v.id());
              return v;
            });
    return JsonNodeFactory.instance.objectNode().put("VSwitchId", created.id());
  }

  private Vpc checkVpc(String vpcId, Ipv4Cidr cidr) {
    Vpc vpc =
        state
            .vpc(vpcId)
            .orElseThrow(
                () ->
                    ServiceError.notFound(
                        "InvalidVpcId.NotFound", "Specified VPC does not exist: " + vpcId + "."));
    if (!emulation.elapsed(vpc.createdAt(), VpcHandler.PENDING_MINUTES)) {
      throw new ServiceError(
          400,
          "IncorrectVpcStatus",
          "Current VPC status does not support this operation: " + vpcId + " is still Pending.");
    }
    if (!vpc.cidr().contains(cidr)) {
      throw new ServiceError(
          400,
          "InvalidParameter",
          "Specified CIDR block is not valid in VPC: "
              + cidr
              + " is not inside "
              + vpc.cidr()
              + ".");
    }
    for (VSwitch sibling : state.vSwitchesOf(vpcId)) {
      if (sibling.cidr().overlaps(cidr)) {
        throw new ServiceError(
            400,
            "InvalidCidrBlock.Overlapped",
            "Specified CIDR block overlapped with other subnets: "
                + cidr
                + " overlaps "
                + sibling.id()
                + " ("
                + sibling.cidr()
                + ").");
      }
    }
    return vpc;
  }

  ObjectNode describe(ControlRequest request) {
    QueryParams p = request.params();
    Optional<String> region = p.optional("RegionId");
    Optional<String> vpcId = p.optional("VpcId");
    if (region.isEmpty() && vpcId.isEmpty()) {
      throw ServiceError.missing("RegionId");
    }
    region.ifPresent(emulation::checkRegion);
    List<String> ids = p.csv("VSwitchId");
    Optional<String> name = p.optional("VSwitchName");
    Optional<String> zone = p.optional("ZoneId");
    Optional<Boolean> isDefault = p.bool("IsDefault");
    List<Tag> tagFilters = Tag.filters(p);
    int pageNumber = p.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    int pageSize = p.integer("PageSize", 10, 1, 50);
    List<VSwitch> matching =
        state.vSwitches().stream()
            .filter(v -> vpcId.isEmpty() || vpcId.get().equals(v.vpcId()))
            .filter(v -> ids.isEmpty() || ids.contains(v.id()))
            .filter(v -> name.isEmpty() || name.get().equals(v.name()))
            .filter(v -> zone.isEmpty() || zone.get().equals(v.zoneId()))
            .filter(v -> isDefault.isEmpty() || !isDefault.get())
            .filter(v -> Tag.matches(v.tags(), tagFilters))
            .toList();
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("TotalCount", matching.size())
            .put("PageNumber", pageNumber)
            .put("PageSize", pageSize);
    var list = out.putObject("VSwitches").putArray("VSwitch");
    for (VSwitch v : Pages.page(matching, pageNumber, pageSize)) {
      list.add(toJson(v));
    }
    return out;
  }

  private ObjectNode toJson(VSwitch v) {
    String routeTable = state.vpc(v.vpcId()).map(Vpc::routeTableId).orElse("");
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("VSwitchId", v.id())
            .put("VpcId", v.vpcId())
            .put("Status", status(v))
            .put("CidrBlock", v.cidr().toString())
            .put("ZoneId", v.zoneId())
            // Alibaba reserves the first and the last three addresses of every vSwitch.
            .put("AvailableIpAddressCount", v.cidr().size() - 4)
            .put("VSwitchName", v.name())
            .put("Description", v.description())
            .put("CreationTime", Emulation.seconds(v.createdAt()))
            .put("IsDefault", false)
            .put("ResourceGroupId", v.resourceGroupId())
            .put("OwnerId", Long.parseLong(emulation.accountId()))
            .put("NetworkAclId", "")
            .put("Ipv6CidrBlock", "");
    n.putObject("RouteTable").put("RouteTableId", routeTable).put("RouteTableType", "System");
    n.set("Tags", Tag.toJson(v.tags(), "Key", "Value"));
    return n;
  }

  ObjectNode delete(ControlRequest request) {
    QueryParams p = request.params();
    p.optional("RegionId").ifPresent(emulation::checkRegion);
    String id = p.required("VSwitchId");
    state.atomically(
        () -> {
          VSwitch v =
              state
                  .vSwitch(id)
                  .orElseThrow(
                      () ->
                          ServiceError.notFound(
                              "InvalidVSwitchId.NotFound",
                              "Specified virtual switch does not exist: " + id + "."));
          if (!"Available".equals(status(v))) {
            throw new ServiceError(
                400, "IncorrectVSwitchStatus", "The vSwitch " + id + " is still Pending.");
          }
          state.removeVSwitch(id);
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }
}
