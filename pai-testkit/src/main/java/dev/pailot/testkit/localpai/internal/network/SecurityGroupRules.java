package dev.pailot.testkit.localpai.internal.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.QueryParams;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * ECS's ingress rule actions: {@code AuthorizeSecurityGroup}, {@code RevokeSecurityGroup} and
 * {@code DescribeSecurityGroupAttribute}. Rules come as {@code Permissions.N.*} (1..100 per call)
 * or, deprecated, as top-level {@code IpProtocol}/{@code PortRange}/... parameters. Authorizing a
 * rule that already exists is a no-op, as on ECS. Egress rules are not emulated. Thread-safe.
 */
final class SecurityGroupRules {
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "GRE", "ALL");
  private static final List<String> RULE_FIELDS =
      List.of("IpProtocol", "PortRange", "SourceCidrIp", "SourceGroupId", "Policy", "Priority");
  private static final int MAX_PER_CALL = 100;

  private final Emulation emulation;
  private final NetworkState state;
  private final PermissionParser parser;

  SecurityGroupRules(Emulation emulation, NetworkState state) {
    this.emulation = emulation;
    this.state = state;
    this.parser = new PermissionParser(emulation, state);
  }

  static ServiceError notFound(String id) {
    return ServiceError.notFound(
        "InvalidSecurityGroupId.NotFound",
        "The specified SecurityGroupId does not exist: " + id + ".");
  }

  ObjectNode authorize(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    String id = p.required("SecurityGroupId");
    Texts.clientToken(p);
    state.atomically(
        () -> {
          SecurityGroup group = state.securityGroup(id).orElseThrow(() -> notFound(id));
          List<SecurityGroupRule> added = new ArrayList<>();
          for (Map.Entry<Integer, Map<String, String>> e : permissions(p).entrySet()) {
            SecurityGroupRule rule = parser.parse(e.getValue(), "Permissions." + e.getKey() + ".");
            boolean known =
                group.rules().stream().anyMatch(rule::sameAs)
                    || added.stream().anyMatch(rule::sameAs);
            if (!known) {
              added.add(rule);
            }
          }
          state.putSecurityGroup(group.withRulesAdded(added));
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }

  ObjectNode revoke(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    String id = p.required("SecurityGroupId");
    SortedMap<Integer, String> ruleIds = p.indexedValues("SecurityGroupRuleId");
    state.atomically(
        () -> {
          SecurityGroup group = state.securityGroup(id).orElseThrow(() -> notFound(id));
          List<SecurityGroupRule> kept = new ArrayList<>(group.rules());
          if (!ruleIds.isEmpty()) {
            for (String ruleId : ruleIds.values()) {
              if (!kept.removeIf(r -> r.id().equals(ruleId))) {
                throw ServiceError.notFound(
                    "InvalidSecurityGroupRuleId.NotFound",
                    "The specified SecurityGroupRuleId does not exist: " + ruleId + ".");
              }
            }
          } else {
            // Revoking a rule that does not exist succeeds without change, as on ECS.
            for (Map<String, String> fields : permissions(p).values()) {
              SecurityGroupRule pattern = parser.parse(fields, "Permissions.N.");
              kept.removeIf(pattern::sameAs);
            }
          }
          state.putSecurityGroup(group.withRules(kept));
          return null;
        });
    return JsonNodeFactory.instance.objectNode();
  }

  /** Rules by index from {@code Permissions.N.*}, or the deprecated top-level single rule. */
  private static SortedMap<Integer, Map<String, String>> permissions(QueryParams p) {
    SortedMap<Integer, Map<String, String>> rules = p.indexed("Permissions");
    if (rules.isEmpty()) {
      Map<String, String> legacy = new TreeMap<>();
      for (String field : RULE_FIELDS) {
        p.optional(field).ifPresent(v -> legacy.put(field, v));
      }
      p.optional("NicType").ifPresent(v -> legacy.put("NicType", v));
      p.optional("Description").ifPresent(v -> legacy.put("Description", v));
      if (!legacy.isEmpty()) {
        rules = new TreeMap<>(Map.of(1, legacy));
      }
    }
    if (rules.isEmpty()) {
      throw ServiceError.missing("Permissions.1.IpProtocol");
    }
    if (rules.size() > MAX_PER_CALL || rules.lastKey() > MAX_PER_CALL) {
      throw ServiceError.invalid("Permissions.N", "N must be from 1 to " + MAX_PER_CALL);
    }
    return rules;
  }

  ObjectNode describeAttribute(ControlRequest request) {
    QueryParams p = request.params();
    emulation.checkRegion(p.required("RegionId"));
    String id = p.required("SecurityGroupId");
    String direction = p.optional("Direction").orElse("all");
    if (!List.of("ingress", "egress", "all").contains(direction)) {
      throw ServiceError.invalid("Direction", "ingress, egress or all");
    }
    String nicType = p.optional("NicType").orElse(null);
    int max = p.integer("MaxResults", 500, 10, 1000);
    int offset = Pages.offset(p.optional("NextToken").orElse(null), "InValidParameter.NextToken");
    SecurityGroup group = state.securityGroup(id).orElseThrow(() -> notFound(id));
    List<SecurityGroupRule> rules =
        group.rules().stream()
            .filter(r -> !direction.equals("egress"))
            .filter(r -> nicType == null || nicType.equals(r.nicType()))
            .toList();
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("RegionId", emulation.region())
            .put("SecurityGroupId", group.id())
            .put("SecurityGroupName", group.name())
            .put("Description", group.description())
            .put("VpcId", group.vpcId())
            .put("InnerAccessPolicy", group.innerAccessPolicy());
    var list = out.putObject("Permissions").putArray("Permission");
    int end = Math.min(rules.size(), offset + max);
    for (SecurityGroupRule r : rules.subList(Math.min(offset, end), end)) {
      list.add(toJson(r));
    }
    if (end < rules.size()) {
      out.put("NextToken", Pages.token(end));
    }
    return out;
  }

  private ObjectNode toJson(SecurityGroupRule r) {
    String sourceGroupName =
        r.sourceGroupId().isEmpty()
            ? ""
            : state.securityGroup(r.sourceGroupId()).map(SecurityGroup::name).orElse("");
    return JsonNodeFactory.instance
        .objectNode()
        .put("SecurityGroupRuleId", r.id())
        .put("Direction", "ingress")
        .put("IpProtocol", r.protocol())
        .put("PortRange", r.portRange())
        .put("SourcePortRange", "")
        .put("SourceCidrIp", r.sourceCidrIp())
        .put("SourceGroupId", r.sourceGroupId())
        .put("SourceGroupName", sourceGroupName)
        .put("SourceGroupOwnerAccount", "")
        .put("SourcePrefixListId", "")
        .put("Ipv6SourceCidrIp", "")
        .put("DestCidrIp", "")
        .put("DestGroupId", "")
        .put("Ipv6DestCidrIp", "")
        .put("Policy", r.policy())
        // ECS sends Priority as a string in this response.
        .put("Priority", String.valueOf(r.priority()))
        .put("NicType", r.nicType())
        .put("Description", r.description())
        .put("CreateTime", Emulation.seconds(r.createdAt()));
  }

  static List<String> protocols() {
    return PROTOCOLS;
  }
}
