package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ECS 2014-05-26 (RPC) security groups: {@code CreateSecurityGroup}, {@code
 * DescribeSecurityGroups}, {@code DeleteSecurityGroup}, and the rule actions served by {@link
 * SecurityGroupRules}. A group needs an {@code Available} VPC and starts with no rules, so all
 * inbound traffic is denied. Thread-safe.
 */
final class EcsHandler implements ProductHandler {
  private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{N}._:-]{1,127}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Emulation emulation;
  private final NetworkState state;
  private final RpcActions actions;

  EcsHandler(Emulation emulation, NetworkState state) {
    this.emulation = emulation;
    this.state = state;
    SecurityGroupRules rules = new SecurityGroupRules(emulation, state);
    this.actions =
        RpcActions.builder()
            .on("CreateSecurityGroup", this::create)
            .on("DescribeSecurityGroups", this::describe)
            .on("DeleteSecurityGroup", this::delete)
            .on("AuthorizeSecurityGroup", rules::authorize)
            .on("RevokeSecurityGroup", rules::revoke)
            .on("DescribeSecurityGroupAttribute", rules::describeAttribute)
            .build();
  }

  @Override
  public Product product() {
    return Product.ECS;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return actions.resolve(request);
  }

  private ObjectNode create(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    // ECS makes VpcId optional only for classic-network accounts, which no longer exist.
    String vpcId = p.required("VpcId");
    String name =
        Texts.matching(
            p,
            "SecurityGroupName",
            GROUP_NAME,
            "InvalidSecurityGroupName.Malformed",
            "2 to 128 characters, starting with a letter; letters, digits, '.', '_', '-', ':'");
    String description = Texts.optional(p, "Description", 2, 256, "InvalidDescription.Malformed");
    String type = p.optional("SecurityGroupType").orElse("normal");
    if (!type.equals("normal") && !type.equals("enterprise")) {
      throw new ServiceError(
          400,
          "InvalidParams.GroupType",
          "The specified security group type is not valid: use normal or enterprise.");
    }
    List<Tag> tags = Tag.parse(p);
    String token = Texts.clientToken(p);
    SecurityGroup group =
        state.atomically(
            () -> {
              Optional<SecurityGroup> existing =
                  state
                      .tokens()
                      .lookup("CreateSecurityGroup", token, p.asMap())
                      .flatMap(state::securityGroup);
              if (existing.isPresent()) {
                return existing.get();
              }
              Vpc vpc = availableVpc(vpcId);
              SecurityGroup created =
                  new SecurityGroup(
                      emulation.newId("sg-", 20),
                      name,
                      description,
                      type,
                      vpcId,
                      tags,
                      p.optional("ResourceGroupId").orElse(vpc.resourceGroupId()),
                      emulation.now(),
                      List.of());
              state.putSecurityGroup(created);
              state.tokens().remember("CreateSecurityGroup", token, p.asMap(), created.id());
              return created;
            });
    return JsonNodeFactory.instance.objectNode().put("SecurityGroupId", group.id());
  }

  private Vpc availableVpc(String vpcId) {
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
    return vpc;
  }

  private ObjectNode describe(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    if (p.optional("PageNumber").isPresent() || p.optional("PageSize").isPresent()) {
      throw new ServiceError(
          400,
          "NotSupported.PageNumberAndPageSize",
          "The parameters PageNumber and PageSize are currently not supported, please use"
              + " NextToken and MaxResults instead.");
    }
    Optional<String> vpcId = p.optional("VpcId");
    Optional<String> id = p.optional("SecurityGroupId");
    List<String> ids = groupIds(p.optional("SecurityGroupIds"));
    Optional<String> name = p.optional("SecurityGroupName");
    Optional<String> type = p.optional("SecurityGroupType");
    if (type.isPresent() && !type.get().equals("normal") && !type.get().equals("enterprise")) {
      throw new ServiceError(
          400,
          "InvalidParameter.SecurityGroupType",
          "The specified SecurityGroupType is not valid.");
    }
    Optional<String> resourceGroup = p.optional("ResourceGroupId");
    boolean classic = p.optional("NetworkType").map("classic"::equals).orElse(false);
    List<Tag> tagFilters = Tag.filters(p);
    int max = p.integer("MaxResults", 10, 1, 100);
    int offset = Pages.offset(p.optional("NextToken").orElse(null), "InValidParameter.NextToken");
    List<SecurityGroup> matching =
        state.securityGroups().stream()
            .filter(g -> !classic)
            .filter(g -> vpcId.isEmpty() || vpcId.get().equals(g.vpcId()))
            .filter(g -> id.isEmpty() || id.get().equals(g.id()))
            .filter(g -> ids.isEmpty() || ids.contains(g.id()))
            .filter(g -> name.isEmpty() || name.get().equals(g.name()))
            .filter(g -> type.isEmpty() || type.get().equals(g.type()))
            .filter(g -> resourceGroup.isEmpty() || resourceGroup.get().equals(g.resourceGroupId()))
            .filter(g -> Tag.matches(g.tags(), tagFilters))
            .toList();
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("RegionId", emulation.region());
    var list = out.putObject("SecurityGroups").putArray("SecurityGroup");
    int end = Math.min(matching.size(), offset + max);
    for (SecurityGroup g : matching.subList(Math.min(offset, end), end)) {
      list.add(toJson(g));
    }
    if (end < matching.size()) {
      // No NextToken on the last page: that is how ECS says "done".
      out.put("NextToken", Pages.token(end));
    }
    return out;
  }

  private static List<String> groupIds(Optional<String> json) {
    List<String> ids = new ArrayList<>();
    if (json.isEmpty()) {
      return ids;
    }
    try {
      JsonNode node = JSON.readTree(json.get());
      if (node != null && node.isArray() && node.size() <= 100) {
        for (JsonNode item : node) {
          if (!item.isTextual()) {
            throw malformedIds();
          }
          ids.add(item.asText());
        }
        return ids;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw malformedIds();
  }

  private static ServiceError malformedIds() {
    return ServiceError.malformed(
        "InvalidSecurityGroupId.Malformed",
        "SecurityGroupIds",
        "a JSON array of at most 100 security group ids, e.g. [\"sg-1\",\"sg-2\"]");
  }

  private ObjectNode toJson(SecurityGroup g) {
    long groupRules = g.rules().stream().filter(r -> !r.sourceGroupId().isEmpty()).count();
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("SecurityGroupId", g.id())
            .put("SecurityGroupName", g.name())
            .put("Description", g.description())
            .put("SecurityGroupType", g.type())
            .put("VpcId", g.vpcId())
            .put("CreationTime", Emulation.seconds(g.createdAt()))
            .put("ResourceGroupId", g.resourceGroupId())
            .put("ServiceManaged", false)
            .put("RuleCount", g.rules().size())
            .put("GroupToGroupRuleCount", groupRules);
    n.set("Tags", Tag.toJson(g.tags(), "TagKey", "TagValue"));
    return n;
  }

  private ObjectNode delete(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    String id = p.required("SecurityGroupId");
    state.atomically(
        () -> {
          state.securityGroup(id).orElseThrow(() -> SecurityGroupRules.notFound(id));
          boolean referenced =
              state.securityGroups().stream()
                  .filter(g -> !g.id().equals(id))
                  .flatMap(g -> g.rules().stream())
                  .anyMatch(r -> r.sourceGroupId().equals(id));
          if (referenced) {
            throw new ServiceError(
                400,
                "DependencyViolation",
                "Specified object has dependent resources: rules of other security groups"
                    + " reference "
                    + id
                    + ".");
          }
          state.removeSecurityGroup(id);
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }
}
