package dev.pailot.core.network.internal;

import dev.pailot.core.network.Cidr;
import dev.pailot.core.network.IngressRule;
import dev.pailot.core.network.NetworkPlan;
import dev.pailot.core.network.NetworkSpec;
import dev.pailot.core.network.PlannedChange;
import dev.pailot.core.network.PlannedChange.Action;
import dev.pailot.core.network.PlannedChange.ResourceType;
import dev.pailot.core.network.VSwitchSpec;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupAttributeResponse.Permission;
import dev.pailot.core.network.internal.wire.DescribeSecurityGroupsResponse.SecurityGroup;
import dev.pailot.core.network.internal.wire.DescribeVSwitchesResponse.VSwitch;
import dev.pailot.core.network.internal.wire.DescribeVpcsResponse.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a spec with a {@link CloudSnapshot}: a pure function, no calls. Drift is collected
 * separately and appended last, so a plan reads VPC, vSwitches, group, rules, then drift.
 */
public final class Differ {
  static final String NOT_IN_SPEC = "present but not in spec (not deleted)";

  private final NetworkSpec spec;
  private final CloudSnapshot cloud;
  private final List<PlannedChange> changes = new ArrayList<>();
  private final List<PlannedChange> drift = new ArrayList<>();
  private final Map<VSwitchSpec, VSwitch> existingVSwitches = new LinkedHashMap<>();
  private final List<IngressRule> missingRules = new ArrayList<>();

  private Differ(NetworkSpec spec, CloudSnapshot cloud) {
    this.spec = spec;
    this.cloud = cloud;
  }

  /**
   * Diffs a spec against what the cloud holds.
   *
   * @param spec the spec
   * @param cloud the snapshot
   * @param region region id, for the plan
   * @return the diff
   */
  public static NetworkDiff diff(NetworkSpec spec, CloudSnapshot cloud, String region) {
    return new Differ(spec, cloud).run(region);
  }

  private NetworkDiff run(String region) {
    Optional<Vpc> vpc = diffVpc();
    Optional<SecurityGroup> group = Optional.empty();
    if (cloud.vpcs().size() <= 1) {
      spec.vSwitches().forEach(this::diffVSwitch);
      vSwitchDrift();
      group = diffGroup();
      diffRules(group.isPresent());
    }
    changes.addAll(drift);
    NetworkPlan plan =
        NetworkPlan.builder().networkName(spec.name()).region(region).changes(changes).build();
    return new NetworkDiff(plan, vpc, existingVSwitches, group, missingRules);
  }

  private Optional<Vpc> diffVpc() {
    List<Vpc> vpcs = cloud.vpcs();
    if (vpcs.isEmpty()) {
      changes.add(Changes.vpc(spec, Action.CREATE, null));
      return Optional.empty();
    }
    if (vpcs.size() > 1) {
      String ids = vpcs.stream().map(Vpc::vpcId).collect(Collectors.joining(", "));
      add(
          ResourceType.VPC,
          spec.name(),
          Action.CONFLICT,
          null,
          vpcs.size()
              + " VPCs carry this name and managed-by=pailot ("
              + ids
              + "); delete or rename all but one");
      return Optional.empty();
    }
    Vpc vpc = vpcs.get(0);
    if (sameBlock(vpc.cidrBlock(), spec.cidr())) {
      changes.add(Changes.vpc(spec, Action.UNCHANGED, vpc.vpcId()));
    } else {
      add(
          ResourceType.VPC,
          spec.name(),
          Action.CONFLICT,
          vpc.vpcId(),
          "exists as "
              + vpc.vpcId()
              + " with CIDR "
              + vpc.cidrBlock()
              + " but the spec says "
              + spec.cidrBlock());
    }
    return Optional.of(vpc);
  }

  private void diffVSwitch(VSwitchSpec want) {
    List<VSwitch> same =
        cloud.vSwitches().stream()
            .filter(v -> want.name().equals(v.vSwitchName()) && want.zoneId().equals(v.zoneId()))
            .toList();
    if (same.size() > 1) {
      String detail =
          String.format(
              "%d vSwitches in %s carry this name; delete or rename all but one",
              same.size(), want.zoneId());
      add(ResourceType.VSWITCH, want.name(), Action.CONFLICT, null, detail);
    } else if (same.size() == 1) {
      compareVSwitch(want, same.get(0));
    } else {
      Optional<VSwitch> clash =
          cloud.vSwitches().stream().filter(v -> overlaps(v.cidrBlock(), want.cidr())).findFirst();
      if (clash.isPresent()) {
        VSwitch c = clash.get();
        String detail =
            String.format(
                "%s overlaps vswitch %s (%s) %s in %s; pick a free block",
                want.cidrBlock(), c.vSwitchName(), c.vSwitchId(), c.cidrBlock(), c.zoneId());
        add(ResourceType.VSWITCH, want.name(), Action.CONFLICT, null, detail);
      } else {
        changes.add(Changes.vSwitch(want, Action.CREATE, null));
      }
    }
  }

  private void compareVSwitch(VSwitchSpec want, VSwitch have) {
    existingVSwitches.put(want, have);
    if (sameBlock(have.cidrBlock(), want.cidr())) {
      changes.add(Changes.vSwitch(want, Action.UNCHANGED, have.vSwitchId()));
      return;
    }
    String detail =
        String.format(
            "exists as %s in %s with CIDR %s but the spec says %s",
            have.vSwitchId(), want.zoneId(), have.cidrBlock(), want.cidrBlock());
    add(ResourceType.VSWITCH, want.name(), Action.CONFLICT, have.vSwitchId(), detail);
  }

  private void vSwitchDrift() {
    for (VSwitch have : cloud.vSwitches()) {
      boolean inSpec =
          spec.vSwitches().stream()
              .anyMatch(
                  w -> w.name().equals(have.vSwitchName()) && w.zoneId().equals(have.zoneId()));
      if (!inSpec) {
        String name = have.vSwitchName() == null ? "" : have.vSwitchName();
        drift.add(
            Changes.of(
                ResourceType.VSWITCH,
                name,
                Action.DRIFT,
                have.vSwitchId(),
                have.zoneId() + " " + have.cidrBlock() + " " + NOT_IN_SPEC));
      }
    }
  }

  private Optional<SecurityGroup> diffGroup() {
    String name = spec.securityGroup().name();
    List<SecurityGroup> groups = cloud.securityGroups();
    if (groups.size() > 1) {
      String ids =
          groups.stream().map(SecurityGroup::securityGroupId).collect(Collectors.joining(", "));
      add(
          ResourceType.SECURITY_GROUP,
          name,
          Action.CONFLICT,
          null,
          groups.size()
              + " groups in the VPC carry this name and managed-by=pailot ("
              + ids
              + "); delete or rename all but one");
      return Optional.empty();
    }
    if (groups.isEmpty()) {
      changes.add(Changes.group(spec.securityGroup(), Action.CREATE, null));
      return Optional.empty();
    }
    changes.add(
        Changes.group(spec.securityGroup(), Action.UNCHANGED, groups.get(0).securityGroupId()));
    return Optional.of(groups.get(0));
  }

  private void diffRules(boolean groupExists) {
    Map<RuleIdentity, String> present = new HashMap<>();
    cloud
        .ingressRules()
        .forEach(p -> RuleIdentity.of(p).ifPresent(id -> present.put(id, p.securityGroupRuleId())));
    Set<RuleIdentity> wanted = new HashSet<>();
    for (IngressRule rule : spec.securityGroup().ingressRules()) {
      RuleIdentity id = RuleIdentity.of(rule);
      wanted.add(id);
      boolean exists = groupExists && present.containsKey(id);
      if (!exists) {
        missingRules.add(rule);
      }
      add(
          ResourceType.INGRESS_RULE,
          id.render(),
          exists ? Action.UNCHANGED : Action.CREATE,
          exists ? present.get(id) : null,
          id.attributes());
    }
    for (Permission p : cloud.ingressRules()) {
      Optional<RuleIdentity> id = RuleIdentity.of(p);
      if (id.isEmpty() || !wanted.contains(id.get())) {
        String name = id.map(RuleIdentity::render).orElseGet(() -> describeNonBlockRule(p));
        drift.add(
            Changes.of(
                ResourceType.INGRESS_RULE,
                name,
                Action.DRIFT,
                p.securityGroupRuleId(),
                NOT_IN_SPEC));
      }
    }
  }

  private static String describeNonBlockRule(Permission p) {
    String source =
        p.sourceGroupId() != null && !p.sourceGroupId().isEmpty()
            ? "group " + p.sourceGroupId()
            : "a prefix list or unreadable source";
    return p.ipProtocol() + " " + p.portRange() + " from " + source;
  }

  private static boolean sameBlock(String reported, Cidr wanted) {
    try {
      return reported != null && Cidr.parseLenient(reported).equals(wanted);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean overlaps(String reported, Cidr wanted) {
    try {
      return reported != null && Cidr.parseLenient(reported).overlaps(wanted);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void add(ResourceType type, String name, Action action, String id, String detail) {
    changes.add(Changes.of(type, name, action, id, detail));
  }
}
